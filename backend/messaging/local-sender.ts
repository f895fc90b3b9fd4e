import type { MessageSender, OutgoingMessage, SendResult } from './message-sender';

/** What the simulated sender would have pushed, as the H5 app's outbox shows it. */
export interface OutboxEntry extends OutgoingMessage {
  readonly at: number;
}

export interface LocalSender extends MessageSender {
  /** Newest first; the oldest beyond OUTBOX_KEPT are dropped. */
  outbox(): readonly OutboxEntry[];
}

const OUTBOX_KEPT = 200;

/**
 * The simulated sender of the local server: it keeps what it sends in memory (a restart empties it)
 * so the whole path — consent, sending, record — can be followed without WeChat. `refuse` makes it
 * fail like WeChat would (tests of the fallback).
 */
export function localSender(now: () => number, refuse?: (m: OutgoingMessage) => string | null): LocalSender {
  let kept: OutboxEntry[] = [];
  return {
    kind: 'local',
    async send(message): Promise<SendResult> {
      const error = refuse?.(message) ?? null;
      if (error) return { ok: false, error };
      kept = [{ ...message, at: now() }, ...kept].slice(0, OUTBOX_KEPT);
      return { ok: true };
    },
    outbox: () => kept,
  };
}
