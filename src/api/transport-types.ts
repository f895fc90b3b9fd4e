import type { Envelope } from '@core';

/**
 * How the app reaches its backend. The mini-program calls cloud functions (identity comes from
 * WeChat); the H5 build posts to the local server as the picked demo user. Each platform file
 * (`transport.weapp.ts`, `transport.h5.ts`) exports one of these as `transport`.
 */
export interface Transport {
  /** Calls a function with an event; resolves to its envelope, rejects only when the network fails. */
  call(name: string, event: Record<string, unknown>): Promise<Envelope<unknown>>;
  /** Uploads a picked photo (a temp path from chooseMedia) as the user `ownerId`, with its checked extension; resolves to its file id. */
  upload(tempPath: string, ownerId: string, ext: string): Promise<string>;
  /** Where an image with this file id can be shown from. */
  fileUrl(fileId: string): string;
}

/** Thrown by a transport when the request never got an answer. */
export class NetworkFailure extends Error {
  constructor(cause?: unknown) {
    super(cause instanceof Error ? cause.message : 'network failure');
    this.name = 'NetworkFailure';
  }
}
