/**
 * Type-checking face of the platform transports: Taro's build resolves `./transport` to
 * `transport.weapp.ts` or `transport.h5.ts`. Keep their exports identical to this file's.
 */
export { transport, listDevUsers, listDevOutbox } from './transport.h5';
