/**
 * Type-checking face of the platform file pickers: Taro's build resolves `./pick-file` to
 * `pick-file.weapp.ts` or `pick-file.h5.ts`. Keep their exports identical to this file's.
 */
export { pickSheetFile, type PickedFile } from './pick-file.h5';
