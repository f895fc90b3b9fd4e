/** A fresh id for one user action: the server answers a retry with the same id exactly once. */
export function newRequestId(): string {
  const bytes = new Uint8Array(16);
  // The browser has crypto; the mini-program's JS engine may not, and this id needs no secrecy.
  const c = typeof crypto !== 'undefined' ? crypto : undefined;
  if (c?.getRandomValues) c.getRandomValues(bytes);
  else for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Keeps one request id per pending user action: pressing "提交" again after a network failure
 * reuses it (so the server does the work at most once); a different action, or any answer from
 * the server, starts afresh.
 */
export class RequestIds {
  private key = '';
  private id = '';
  /** The id for this action (identified by `key`, e.g. order, action, version and input). */
  for(key: string): string {
    if (key !== this.key || !this.id) {
      this.key = key;
      this.id = newRequestId();
    }
    return this.id;
  }
  /** The server answered: the next press is a new action. */
  settle(): void {
    this.key = '';
    this.id = '';
  }
}
