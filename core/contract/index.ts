/** The wire contract: field kinds, validation, and every function's requests and replies. */
export * from './fields';
export * from './validate';
export * from './functions';
export * from './requests';
