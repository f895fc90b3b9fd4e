import { int, str } from '@core';

/** Fields many actions share. */
export const requestId = str({ min: 8, max: 64, pattern: /^[A-Za-z0-9_-]+$/ });
export const entityId = str({ min: 1, max: 64, pattern: /^[A-Za-z0-9_-]+$/ });
export const version = int(1, 1_000_000_000);
