import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import type { PhotoStore } from '../runtime/photos';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const PNG_END = Buffer.from([0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]);

/** A PNG: its signature, a first chunk IHDR of 13 bytes, a picture's size and the chunk's CRC, and IEND last. */
function isPng(b: Buffer): boolean {
  if (b.length < 8 + 25 + 12 || !b.subarray(0, 8).equals(PNG_SIGNATURE)) return false;
  if (b.readUInt32BE(8) !== 13 || b.toString('latin1', 12, 16) !== 'IHDR' || b.readUInt32BE(16) === 0 || b.readUInt32BE(20) === 0) return false;
  return crc32(b.subarray(12, 29)) === b.readUInt32BE(29) && b.subarray(b.length - 12).equals(PNG_END);
}

/**
 * A JPEG: SOI, then marker segments whose lengths chain from one to the next, a frame header (SOF)
 * among them, up to the start of the scan. Whatever follows the picture is not read: phones append
 * data after its end (motion photos), so a JPEG need not end with EOI.
 */
function isJpeg(b: Buffer): boolean {
  if (b.length < 4 || b[0] !== 0xff || b[1] !== 0xd8) return false;
  let framed = false;
  for (let at = 2; at + 4 <= b.length; ) {
    if (b[at] !== 0xff) return false;
    const marker = b[at + 1]!;
    if (marker === 0xff) {
      at++; // fill byte
      continue;
    }
    if (marker === 0xda) return framed;
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8)) return false; // no stand-alone marker belongs before the scan
    const length = b.readUInt16BE(at + 2);
    if (length < 2) return false;
    // SOF0–SOF15, except DHT (C4), JPG (C8) and DAC (CC), which share the range.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) framed = true;
    at += 2 + length;
  }
  return false;
}

/** A WebP: RIFF whose size is the file's, WEBP, and a first chunk VP8, VP8L or VP8X that fits in it. */
function isWebp(b: Buffer): boolean {
  if (b.length < 20 || b.toString('latin1', 0, 4) !== 'RIFF' || b.toString('latin1', 8, 12) !== 'WEBP') return false;
  const size = b.readUInt32LE(4);
  if (size + 8 !== b.length && size + 9 !== b.length) return false; // a RIFF chunk may be padded to an even size
  return ['VP8 ', 'VP8L', 'VP8X'].includes(b.toString('latin1', 12, 16)) && b.readUInt32LE(16) <= b.length - 20;
}

/**
 * The file types a photo may be, told by the file's own structure (never by what the client says it
 * is): a signature alone would let an HTML page with a PNG's first eight bytes through.
 */
const SIGNATURES: readonly { readonly ext: 'jpg' | 'png' | 'webp'; readonly matches: (b: Buffer) => boolean }[] = [
  { ext: 'jpg', matches: isJpeg },
  { ext: 'png', matches: isPng },
  { ext: 'webp', matches: isWebp },
];

/** The photo type of these bytes (JPEG, PNG or WebP), or null for anything else. */
export const photoTypeOf = (bytes: Buffer): 'jpg' | 'png' | 'webp' | null => SIGNATURES.find((s) => s.matches(bytes))?.ext ?? null;

/** A photo's file id: the uploader's upload id and its extension. GIFs uploaded before are still served. */
export const FILE_ID = /^f[a-z0-9]{10,40}\.(jpg|png|webp|gif)$/;

/** What is kept beside a photo as `<fileId>.json` (never served: not a photo's file id). */
export interface UploadRecord {
  readonly by: string;
  readonly at: number;
  readonly bytes: number;
  /**
   * The orders it was put on; empty until then, and removed after a day if it stays so. Null for a
   * photo uploaded before this was recorded: kept, and shown to any known user as it was then.
   */
  readonly orders: readonly string[] | null;
  /** Set once the housekeeping found an order it was claimed for written: never looked at again. */
  readonly kept?: true;
}

const recordPath = (dir: string, fileId: string) => path.join(dir, `${fileId}.json`);

/** Writes a file whole or not at all: into a temporary file beside it, flushed, then renamed over it. */
function writeWhole(file: string, data: Buffer | string): void {
  const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    const fd = fs.openSync(temp, 'wx', 0o600);
    try {
      fs.writeSync(fd, typeof data === 'string' ? Buffer.from(data) : data);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, file);
  } catch (e) {
    fs.rmSync(temp, { force: true });
    throw e;
  }
}

/** The record of a photo, or null if there is no such photo (or no record: nobody's photo). */
export function readRecord(dir: string, fileId: string): UploadRecord | null {
  if (!FILE_ID.test(fileId)) return null;
  try {
    if (!fs.existsSync(path.join(dir, fileId))) return null;
    const r = JSON.parse(fs.readFileSync(recordPath(dir, fileId), 'utf8')) as Partial<UploadRecord>;
    if (typeof r.by !== 'string') return null;
    // Records from before kept only the uploader (see `orders`).
    const record = {
      by: r.by,
      at: typeof r.at === 'number' ? r.at : 0,
      bytes: typeof r.bytes === 'number' ? r.bytes : 0,
      orders: Array.isArray(r.orders) ? r.orders : null,
    };
    return r.kept === true ? { ...record, kept: true } : record;
  } catch {
    return null;
  }
}

/** Every photo's record in `dir`, with its id. */
export function allRecords(dir: string): { fileId: string; record: UploadRecord }[] {
  return safeList(dir)
    .filter((n) => n.endsWith('.json'))
    .map((n) => n.slice(0, -'.json'.length))
    .flatMap((fileId) => {
      const record = readRecord(dir, fileId);
      return record ? [{ fileId, record }] : [];
    });
}

/** Stores a photo and then its record, each written whole: a photo without a record is nobody's. */
export function savePhoto(dir: string, fileId: string, bytes: Buffer, record: UploadRecord): void {
  fs.mkdirSync(dir, { recursive: true });
  writeWhole(path.join(dir, fileId), bytes);
  writeWhole(recordPath(dir, fileId), JSON.stringify(record));
}

/** The photos uploaded to `dir`: put on orders only by whoever uploaded them, removed if never used. */
export function uploadedPhotos(dir: string): PhotoStore {
  return {
    async uploadedBy(userId, fileIds) {
      return new Set(fileIds.filter((id) => readRecord(dir, id)?.by === userId));
    },
    // The local server serves them itself, checking the viewer again on every request (uploads.ts).
    async viewUrls(fileIds) {
      return Object.fromEntries(fileIds.filter((id) => readRecord(dir, id)).map((id) => [id, `/api/files/${encodeURIComponent(id)}`]));
    },
    async attach(fileIds, orderId) {
      for (const fileId of fileIds) {
        const record = readRecord(dir, fileId);
        if (record?.orders && !record.orders.includes(orderId))
          writeWhole(recordPath(dir, fileId), JSON.stringify({ ...record, orders: [...record.orders, orderId] }));
      }
    },
    async removeUnattached(before, holds) {
      let removed = 0;
      for (const { fileId, record } of allRecords(dir)) {
        if (record.orders === null || record.kept || record.at >= before) continue;
        const held = await Promise.all(record.orders.map(holds));
        if (held.includes(true)) {
          writeWhole(recordPath(dir, fileId), JSON.stringify({ ...record, kept: true }));
          continue;
        }
        // The record first: from then on the photo is nobody's, whatever happens to the file.
        fs.rmSync(recordPath(dir, fileId), { force: true });
        fs.rmSync(path.join(dir, fileId), { force: true });
        removed++;
      }
      // Temporary files of writes a crash interrupted.
      for (const name of safeList(dir)) {
        const file = path.join(dir, name);
        const stat = name.endsWith('.tmp') ? fs.statSync(file, { throwIfNoEntry: false }) : undefined;
        if (stat && stat.mtimeMs < before) fs.rmSync(file, { force: true });
      }
      return removed;
    },
  };
}

function safeList(dir: string): string[] {
  try {
    return fs.readdirSync(dir);
  } catch {
    return [];
  }
}
