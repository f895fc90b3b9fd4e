import type { ActionOf, FunctionName, ReplyOf, RequestOf } from '@core';
import { ApiError, fromAppError, networkError } from './errors';
import { getCommunity } from './storage';
import { transport } from './transport';
import { NetworkFailure } from './transport-types';

/**
 * The one typed way the app talks to its backend: a function name, an action, the request the
 * contract in core/api.ts asks for. Resolves to the reply or throws an ApiError (in Chinese).
 */
export async function call<F extends FunctionName, A extends ActionOf<F>>(name: F, action: A, req: RequestOf<F, A>): Promise<ReplyOf<F, A>> {
  let envelope: Awaited<ReturnType<typeof transport.call>>;
  try {
    // Every request names the community chosen on the role bar, if the person belongs to several.
    const community = getCommunity();
    envelope = await transport.call(name, { action, ...(community ? { community } : {}), ...(req as object) });
  } catch (e) {
    if (e instanceof NetworkFailure) throw networkError();
    throw e;
  }
  if (!envelope || typeof envelope !== 'object' || typeof envelope.ok !== 'boolean') throw fromAppError(undefined);
  if (!envelope.ok) throw fromAppError(envelope.error);
  return envelope.data as ReplyOf<F, A>;
}

/** Uploads one picked photo as the user `ownerId`, with the extension its check found; resolves to the file id an order can carry. */
export async function uploadPhoto(tempPath: string, ownerId: string, ext: string): Promise<string> {
  try {
    return await transport.upload(tempPath, ownerId, ext);
  } catch (e) {
    if (e instanceof NetworkFailure) throw networkError();
    if (e instanceof ApiError) throw e;
    throw fromAppError(e as never);
  }
}

/** Where to load a stored photo from. */
export const photoUrl = (fileId: string): string => transport.fileUrl(fileId);
