/**
 * Where each photo loads from, as the functions last said (`orders.get` answers `photoUrls`): on
 * CloudBase a temporary address, since clients cannot read the bucket themselves.
 */
const known = new Map<string, string>();

/** Remembers the addresses a reply handed out. */
export function rememberPhotoUrls(urls: Readonly<Record<string, string>> | undefined): void {
  for (const [fileId, url] of Object.entries(urls ?? {})) known.set(fileId, url);
}

/** The address last handed out for a photo, if any. */
export const photoUrlOf = (fileId: string): string | undefined => known.get(fileId);
