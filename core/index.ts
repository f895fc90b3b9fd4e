/** The pure domain core: no I/O, no clock, no framework. Functions and app import it from here. */
export * from './result';
export * from './errors';
export * from './roles';
export * from './community';
export * from './order';
export * from './order-inputs';
export * from './order-scope';
export * from './order-transitions';
export * from './order-decide';
export * from './order-create';
export * from './privacy';
export * from './notifications';
export * from './schema';
export type * from './actor';
export * from './api';
