import { isErrorCode, messageOf, type AppError, type ErrorCode } from '@core';

export const NETWORK_MESSAGE = '网络不给力，请稍后重试';

/** Every failure the app shows: a known code from the core, or the network. */
export type FailureCode = ErrorCode | 'NETWORK';

/** A failed call, with the Chinese text to show and any per-field details for forms. */
export class ApiError extends Error {
  readonly code: FailureCode;
  readonly details: Readonly<Record<string, string>>;
  constructor(code: FailureCode, message: string, details: Readonly<Record<string, string>> = {}) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.details = details;
  }
  /** Whether the same request may simply be sent again (nothing was decided). */
  get retryable(): boolean {
    return this.code === 'NETWORK' || this.code === 'STORE.UNAVAILABLE' || this.code === 'REQUEST.RATE_LIMITED';
  }
}

/**
 * Turns an envelope error into an ApiError. The server rendered the message from the code's
 * parameters; a reply without one (or with an unknown code) reads as the generic failure.
 */
export function fromAppError(error: Partial<AppError> | undefined): ApiError {
  const code: ErrorCode = isErrorCode(error?.code) ? error.code : 'INTERNAL';
  const message = typeof error?.message === 'string' && error.message ? error.message : messageOf('INTERNAL');
  return new ApiError(code, message, error?.details ?? {});
}

export const networkError = (): ApiError => new ApiError('NETWORK', NETWORK_MESSAGE);

/** Whatever was thrown, as an ApiError (bugs become the generic message, never a blank screen). */
export function asApiError(e: unknown): ApiError {
  if (e instanceof ApiError) return e;
  if (e && typeof e === 'object' && 'code' in e && 'message' in e) return fromAppError(e as AppError);
  return new ApiError('INTERNAL', messageOf('INTERNAL'));
}
