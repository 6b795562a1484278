/**
 * Session tokens: 32 random bytes (base64url) handed to the client once; only their sha256 is
 * stored, so a database leak does not leak usable tokens. Tokens are never logged.
 */
import { createHash, randomBytes } from 'node:crypto';

/** A new random token. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The stored form of a token. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
