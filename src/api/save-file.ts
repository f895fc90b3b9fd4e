/**
 * Type-checking face of the platform file savers: Taro's build resolves `./save-file` to
 * `save-file.weapp.ts` or `save-file.h5.ts`. Keep their exports identical to this file's.
 */
export { saveFile } from './save-file.h5';
