/**
 * Reading REST answers and checking id arguments, shared by the social managers. The server answers
 * ids as JSON numbers (or decimal strings); the SDK hands out decimal strings and never trusts a shape.
 */
import { ErrorCode } from '../error-codes';
import { InvalidArgumentError, ServerError } from '../errors';
import { checkId } from '../validate';
import type { GroupInfo, GroupType, OwnProfile, UserProfile } from './types';

/** A JSON object of an answer. */
export type Raw = Record<string, unknown>;

/** Most ids one call takes (the server's limit per request). */
export const MAX_IDS = 1000;

/** Checks an array of ids (decimal strings), drops repeats. */
export function checkIds(ids: unknown, what: string, max = MAX_IDS): string[] {
  if (!Array.isArray(ids)) throw new InvalidArgumentError(`${what} must be an array of id strings`);
  if (ids.length > max) throw new InvalidArgumentError(`${what} holds more than ${max} ids`);
  return Array.from(new Set(ids.map((id, i) => checkId(id, `${what}[${i}]`))));
}

/** Ids go out as JSON numbers, as the official clients send them, when that loses no digits. */
export function wireId(id: string): number | string {
  const n = Number(id);
  return Number.isSafeInteger(n) ? n : id;
}

/** An id of an answer as a decimal string ('' when absent). */
export function idString(value: unknown): string {
  return typeof value === 'number' || typeof value === 'string' ? String(value) : '';
}

/** A string field ('' when absent or not a string). */
export function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** A number field (`fallback` when absent or not a number). */
export function num(value: unknown, fallback = 0): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

/** The error of an answer that does not have the expected shape. */
export function invalid(what: string): ServerError {
  return new ServerError(ErrorCode.ServerResponseInvalid, `${what}: unexpected answer`);
}

/** An array of ids (or of objects with `user_id`/`group_id` is not accepted: ids only). */
export function idList(data: unknown, what: string): string[] {
  if (data === null || data === undefined) return [];
  if (!Array.isArray(data)) throw invalid(what);
  return data.map(idString).filter((id) => id !== '');
}

/** An array of objects (non-objects skipped). */
export function records(data: unknown, what: string): Raw[] {
  if (data === null || data === undefined) return [];
  if (!Array.isArray(data)) throw invalid(what);
  return data.filter((r): r is Raw => !!r && typeof r === 'object');
}

/** One object. */
export function record(data: unknown, what: string): Raw {
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw invalid(what);
  return data as Raw;
}

/** A user's public information. */
export function userFrom(r: Raw): UserProfile {
  return {
    userId: idString(r.user_id),
    username: text(r.username),
    nickName: text(r.nick_name),
    avatar: text(r.avatar),
    description: text(r.description),
    ext: text(r.ext),
  };
}

/** The own profile. */
export function ownFrom(r: Raw): OwnProfile {
  return { ...userFrom(r), mobile: text(r.mobile), email: text(r.email) };
}

/** Group types by their wire number. */
export const GROUP_TYPES: readonly GroupType[] = ['private', 'public', 'chatroom', 'temporary'];

/** A group's information. */
export function groupFrom(r: Raw): GroupInfo {
  return {
    groupId: idString(r.group_id),
    name: text(r.name),
    avatar: text(r.avatar),
    description: text(r.description),
    ext: text(r.ext),
    ownerId: idString(r.owner_id),
    type: GROUP_TYPES[num(r.type)] ?? 'private',
    memberCount: num(r.member_count),
    capacity: num(r.capacity),
    createdAt: num(r.created_at),
  };
}
