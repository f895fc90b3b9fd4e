import { createHash } from 'node:crypto';

/** Request ids are scoped to the user, so two people's ids never collide. */
export const replyKey = (userId: string, requestId: string) => `${userId}:${requestId}`;

/** A stable digest of what was asked, to tell a retry from a reused id. */
export function fingerprint(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('base64url');
}
