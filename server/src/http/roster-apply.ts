/**
 * Friend requests: apply (handled by the target's verification mode), accept, decline, and the list
 * of requests to and from the caller. Blocks either way refuse requests and acceptance.
 */
import { RosterNoticeType } from 'floo-miniprogram/protocol';
import type { RosterRelation } from '../store/roster-types';
import { publishRosterNotice } from '../xsync/notices';
import type { AuthedRequest } from './request';
import type { Route } from './routes';
import { refusal, RosterCode } from './user-codes';
import { otherUser, Params } from './user-params';

/** Longest request message or decline reason. */
const MAX_MESSAGE = 500;
/** Longest verification answer. */
const MAX_ANSWER = 200;
/** Entries per page of the application list. */
const PAGE = 200;

/** Verification answers compare without case and surrounding blanks. */
function sameAnswer(given: string | undefined, expected: string): boolean {
  return (given ?? '').trim().toLowerCase() === expected.trim().toLowerCase();
}

/** Refuses when either user blocks the other (the caller's own block first). */
function checkBlocks(rel: RosterRelation, otherId: number): void {
  if (rel.blocked) throw refusal(RosterCode.BLOCKED, `user ${otherId} is on your blocklist`);
  if (rel.blockedBy) throw refusal(RosterCode.BLOCKED_BY, `user ${otherId} has blocked you`);
}

async function apply(req: AuthedRequest): Promise<unknown> {
  const p = new Params(req, ['user_id', 'alias', 'reason', 'answer']);
  const target = await otherUser(req, p);
  // The official clients send the request message as `alias`.
  const message = p.optionalString('reason', MAX_MESSAGE) ?? p.optionalString('alias', MAX_MESSAGE) ?? '';
  const answer = p.optionalString('answer', MAX_ANSWER);
  const { ctx, user, app } = req;
  const { store } = ctx;
  const rel = await store.getRosterRelation(user.id, target.id);
  checkBlocks(rel, target.id);
  if (rel.friend) throw refusal(RosterCode.ALREADY_FRIEND, `user ${target.id} is already your friend`);
  const settings = await store.getUserSettings(target.id);
  const now = ctx.now();
  const audience = { appId: app.appId, fromUid: user.id, userIds: [user.id, target.id], to: [target.id] };
  switch (settings.authMode) {
    case 3:
      throw refusal(RosterCode.REJECT_APPLICATION, `user ${target.id} accepts no friend requests`);
    case 1:
      await store.saveFriendApplication(user.id, target.id, message, now + ctx.options.applicationTtlMs, now);
      await publishRosterNotice(ctx, { ...audience, type: RosterNoticeType.APPLIED, content: JSON.stringify({ message }) });
      return { result: 'pending' };
    case 2:
      if (!sameAnswer(answer, settings.authAnswer)) throw refusal(RosterCode.ANSWER_FAILED, 'wrong answer to the verification question');
      break;
  }
  await store.befriend(user.id, target.id, now);
  await publishRosterNotice(ctx, { ...audience, type: RosterNoticeType.ADDED, content: '{}' });
  return { result: 'added' };
}

async function accept(req: AuthedRequest): Promise<unknown> {
  const p = new Params(req, ['user_id']);
  const applicantId = p.id('user_id');
  const { ctx, user, app } = req;
  checkBlocks(await ctx.store.getRosterRelation(user.id, applicantId), applicantId);
  if (!(await ctx.store.acceptFriendApplication(applicantId, user.id, ctx.now()))) {
    throw refusal(RosterCode.ANSWER_FAILED, `no pending friend request from user ${applicantId}`);
  }
  await publishRosterNotice(ctx, {
    appId: app.appId, fromUid: user.id, userIds: [user.id, applicantId], to: [applicantId], type: RosterNoticeType.ACCEPTED, content: '{}',
  });
  return null;
}

async function decline(req: AuthedRequest): Promise<unknown> {
  const p = new Params(req, ['user_id', 'reason']);
  const applicantId = p.id('user_id');
  const reason = p.optionalString('reason', MAX_MESSAGE) ?? '';
  const { ctx, user, app } = req;
  if (!(await ctx.store.declineFriendApplication(applicantId, user.id, ctx.now()))) {
    throw refusal(RosterCode.ANSWER_FAILED, `no pending friend request from user ${applicantId}`);
  }
  await publishRosterNotice(ctx, {
    appId: app.appId, fromUid: user.id, userIds: [user.id, applicantId], to: [applicantId], type: RosterNoticeType.DECLINED,
    content: JSON.stringify({ reason }),
  });
  return null;
}

async function applyList(req: AuthedRequest): Promise<unknown> {
  const p = new Params(req, ['cursor']);
  // The official clients send `cursor=` (empty) for the first page.
  const offset = p.get('cursor') === '' ? 0 : p.optionalInt('cursor', 0, 1_000_000_000) ?? 0;
  const me = req.user.id;
  const list = await req.ctx.store.listFriendApplications(me, offset, PAGE);
  return list.map((a) => ({
    user_id: a.applicantId === me ? a.targetId : a.applicantId, applicant_id: a.applicantId, reason: a.reason,
    status: a.status, expired_time: a.expiresAt,
  }));
}

/** Friend request routes. */
export const applyRoutes: Route[] = [
  { method: 'POST', path: '/roster/apply', auth: true, handler: apply },
  { method: 'POST', path: '/roster/accept', auth: true, handler: accept },
  { method: 'POST', path: '/roster/decline', auth: true, handler: decline },
  { method: 'GET', path: '/roster/apply/list', auth: true, handler: applyList },
];
