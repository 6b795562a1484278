// Every REST refusal code of docs/social.md maps to its client error code, and socket refusals take the
// `Name: text` reason prefix when Name is a known client error code.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { StatusCode } from '../../../sdk/src/protocol/enums';
import { ErrorCode } from '../../../sdk/src/core/error-codes';
import { codeFromRest, codeFromStatus, type FlooError } from '../../../sdk/src/core/errors';
import { Outbox } from '../../../sdk/src/core/outbox/outbox';

const DOC = join(__dirname, '../../../docs/social.md');

/** The `| code | client error code | when |` rows of the contract. */
function restRows(): Array<[number, string]> {
  const text = readFileSync(DOC, 'utf8');
  return Array.from(text.matchAll(/^\| (\d+) \| ([A-Za-z]+)/gm), (m) => [Number(m[1]), m[2]] as [number, string]);
}

test('every REST code of docs/social.md maps to the documented client error code', () => {
  const rows = restRows();
  expect(rows.length).toBeGreaterThanOrEqual(32);
  for (const [code, name] of rows) {
    expect(ErrorCode).toHaveProperty(name);
    expect([code, codeFromRest(code)]).toEqual([code, name]);
  }
});

test('the group and roster ranges are covered', () => {
  const expected: Record<number, string> = {
    10005: 'UserNotExist', 10010: 'RosterNotFriend', 10011: 'RosterBlockListExist', 10012: 'RosterRejectApplication',
    10013: 'CurrentUserIsInRoster', 10014: 'CurrentUserIsInBlocklist', 10015: 'AnswerFailed', 11002: 'UserOldPasswordNotMatch',
    20001: 'GroupNotExist', 20012: 'GroupMemberBanned', 20016: 'GroupKickTooManyTimes', 20023: 'GroupSharedFileOperateNotAllowed',
  };
  for (const [code, name] of Object.entries(expected)) expect(codeFromRest(Number(code))).toBe(name);
  for (let c = 20001; c <= 20023; c++) if (c !== 20019) expect(codeFromRest(c)).toMatch(/^Group/);
});

test('a known code name before ":" in the reason wins over the status code', () => {
  expect(codeFromStatus(StatusCode.UNAUTHORIZED, 'RosterBlockListExist: you blocked this user')).toBe('RosterBlockListExist');
  expect(codeFromStatus(StatusCode.UNAUTHORIZED, 'CurrentUserIsInBlocklist: blocked by the user')).toBe('CurrentUserIsInBlocklist');
  expect(codeFromStatus(StatusCode.USER_BANNED, 'GroupMemberBanned:')).toBe('GroupMemberBanned');
  expect(codeFromStatus(StatusCode.INVALID_PARAMETER, 'GroupNotExist: no such group')).toBe('GroupNotExist');
});

test('an unknown name, no colon or no reason falls back to the status code', () => {
  expect(codeFromStatus(StatusCode.UNAUTHORIZED, 'NoSuchCode: whatever')).toBe('UserPermissionDenied');
  expect(codeFromStatus(StatusCode.UNAUTHORIZED, 'RosterBlockListExist without a colon')).toBe('UserPermissionDenied');
  expect(codeFromStatus(StatusCode.UNAUTHORIZED, '')).toBe('UserPermissionDenied');
  expect(codeFromStatus(StatusCode.UNAUTHORIZED)).toBe('UserPermissionDenied');
  expect(codeFromStatus(StatusCode.UNAUTHORIZED, 'toString: prototype names are not codes')).toBe('UserPermissionDenied');
  expect(codeFromStatus(StatusCode.UNAUTHORIZED, ': empty name')).toBe('UserPermissionDenied');
});

test('a refused send rejects with the code named by the reason', async () => {
  const settled: FlooError[] = [];
  const outbox = new Outbox({
    now: () => 1000,
    me: () => ({ uid: '1', deviceSN: 1 }),
    transmit: () => true,
    save: () => undefined,
    settled: async (_p, result) => {
      if (result.error) settled.push(result.error);
      return undefined;
    },
  });
  const mid = outbox.nextClientMid();
  const sent = outbox.add({ clientMid: mid, ns: 1, to: '2', payload: {} });
  await outbox.handleAck({ client_mid: mid, status: { code: StatusCode.UNAUTHORIZED, reason: 'CurrentUserIsInBlocklist: the user blocked you' } });
  await expect(sent).rejects.toMatchObject({ code: 'CurrentUserIsInBlocklist', status: StatusCode.UNAUTHORIZED });
  expect(settled.map((e) => e.code)).toEqual(['CurrentUserIsInBlocklist']);
});
