/** What the OPER handlers share: storing the operation item and finding the message it is about. */
import { NameSpace, StatusCode, type MessageBody } from 'floo-miniprogram/protocol';
import type { GroupRecord, MessageRecord, Recipient } from '../../store/types';
import { storeAndNotify } from '../fanout';
import { storableBody } from './messages';
import { refuse } from './target';
import type { Upload, UploadOutcome } from './upload';

/** Stores the operation item (kind 'op': never history) for `recipients` and acknowledges it. */
export async function storeOp(up: Upload, body: MessageBody, toUid: number, recipients: Recipient[]): Promise<UploadOutcome> {
  const result = await storeAndNotify(up.ctx, up.session, {
    toUid, ns: NameSpace.MESSAGE, payload: storableBody(body), kind: 'op', clientMid: up.meta.id ?? '0', recipients,
  });
  return { ok: true, serverMid: result.id, serverTime: result.timestamp };
}

/** The message `mid` if it belongs to the sender's app, else undefined. */
export async function messageOf(up: Upload, mid: number | undefined): Promise<MessageRecord | undefined> {
  if (mid === undefined) return undefined;
  const msg = await up.ctx.store.getMessage(mid);
  return msg && msg.appId === up.session.appId ? msg : undefined;
}

/** The (live) group a message was sent to, or undefined for a 1:1 message. */
export async function groupOf(up: Upload, msg: MessageRecord): Promise<GroupRecord | undefined> {
  const g = await up.ctx.store.getGroup(msg.toUid);
  return g !== undefined && g.appId === up.session.appId ? g : undefined;
}

/** The refusal of an operation on a message that does not exist for the user (docs/social.md, "XSYNC refusals"). */
export function invalidMessage(): UploadOutcome {
  return refuse(StatusCode.INVALID_PARAMETER, 'MessageInvalid: no such message');
}
