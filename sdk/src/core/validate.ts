/** Argument checks: invalid arguments are rejected before anything is sent. */
import { InvalidArgumentError } from './errors';
import type { ConversationRef } from './types';

const DECIMAL_ID = /^[1-9][0-9]{0,19}$/;

/** Checks an id is a positive decimal string (numbers below 2^53 are accepted and converted). */
export function checkId(value: unknown, what: string): string {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) return String(value);
  if (typeof value !== 'string' || !DECIMAL_ID.test(value)) {
    throw new InvalidArgumentError(`${what} must be a positive decimal id string, got ${describe(value)}`);
  }
  return value;
}

/** Checks a conversation reference. */
export function checkRef(value: unknown, what = 'conversation'): ConversationRef {
  const ref = value as ConversationRef | null;
  if (!ref || typeof ref !== 'object' || (ref.type !== 'user' && ref.type !== 'group')) {
    throw new InvalidArgumentError(`${what} must be { type: 'user' | 'group', id }, got ${describe(value)}`);
  }
  return { type: ref.type, id: checkId(ref.id, `${what}.id`) };
}

/** Checks a non-empty string of at most `max` characters. */
export function checkText(value: unknown, what: string, max: number, allowEmpty = false): string {
  if (typeof value !== 'string') throw new InvalidArgumentError(`${what} must be a string, got ${describe(value)}`);
  if (!allowEmpty && value.length === 0) throw new InvalidArgumentError(`${what} must not be empty`);
  if (value.length > max) throw new InvalidArgumentError(`${what} is too long (${value.length} > ${max} characters)`);
  return value;
}

/** Accepts a JSON string or a JSON-serialisable object, returns the string (or undefined). */
export function checkJson(value: unknown, what: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'object') {
    try {
      return JSON.stringify(value);
    } catch {
      throw new InvalidArgumentError(`${what} must be JSON-serialisable`);
    }
  }
  throw new InvalidArgumentError(`${what} must be a JSON string or an object, got ${describe(value)}`);
}

/** Checks an integer within [min, max]. */
export function checkInt(value: unknown, what: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new InvalidArgumentError(`${what} must be an integer from ${min} to ${max}, got ${describe(value)}`);
  }
  return value;
}

function describe(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v.length > 30 ? `${v.slice(0, 30)}…` : v);
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return typeof v === 'object' ? 'an object' : String(v);
}
