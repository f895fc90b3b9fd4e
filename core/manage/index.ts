/** Managing the community (admin): inputs, the checks of each save, the spreadsheet import. */
export * from './manage-inputs';
export * from './manage-common';
export * from './manage-places';
export * from './manage-people';
export * from './manage-catalogue';
export * from './manage-remove';
export * from './sheet-columns';
export * from './sheet-import';
export type * from './manage-views';
