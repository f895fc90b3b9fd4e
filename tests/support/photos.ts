/**
 * The smallest files the upload check takes for photos: a whole 1×1 PNG, and a JPEG and a WebP whose
 * headers are laid out as real ones are (the check reads structure, it does not decode pixels).
 */

/** A 1×1 PNG: signature, IHDR, IDAT and IEND, each chunk with its CRC. */
export const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

const segment = (marker: number, body: number[]) => [0xff, marker, (body.length + 2) >> 8, (body.length + 2) & 0xff, ...body];
/** A baseline JPEG's layout: SOI, APP0 (JFIF), SOF0 for 1×1 grey, SOS, a scan byte and EOI. */
export const JPEG = Buffer.from([
  0xff,
  0xd8,
  ...segment(0xe0, [0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]),
  ...segment(0xc0, [0x08, 0x00, 0x01, 0x00, 0x01, 0x01, 0x01, 0x11, 0x00]),
  ...segment(0xda, [0x01, 0x01, 0x00, 0x00, 0x3f, 0x00]),
  0x00,
  0xff,
  0xd9,
]);

/** A lossless WebP's layout: RIFF with its size, WEBP, a VP8L chunk with its signature byte. */
const vp8l = Buffer.from([0x2f, 0x00, 0x00, 0x00, 0x00, 0x00]);
export const WEBP = Buffer.concat([
  Buffer.from('RIFF'),
  Buffer.from([4 + 8 + vp8l.length, 0, 0, 0]),
  Buffer.from('WEBPVP8L'),
  Buffer.from([vp8l.length, 0, 0, 0]),
  vp8l,
]);
