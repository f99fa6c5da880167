/**
 * The DOCX package (a zip of XML parts), the same bytes each time: the core properties written
 * from the plan (its issue date as created and modified, never the clock, which `docx` stamps)
 * and every zip entry dated that day (fflate, under `docx`, dates entries with the clock). A host
 * with a native DEFLATE (Node's zlib) zips the parts itself ({@link zipPackage}): `docx` deflates
 * in JavaScript, which on a cold start took about a fifth of the time a plan took to write.
 */
import { escapeXml } from '../drawing';
import { PLAN_LANGUAGE, PLAN_SUBJECT, fileDate, planKeywords, type PlanMeta } from '../document';

/** Path of the core properties part in the package. */
export const CORE_PROPERTIES = 'docProps/core.xml';

/** `docProps/core.xml` of a plan: title, subject, author, keywords, language and dates. */
export function corePropertiesXml(meta: PlanMeta): string {
  const date = fileDate(meta)
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z');
  const element = (name: string, value: string) => `<${name}>${escapeXml(value)}</${name}>`;
  return [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
    element('dc:title', meta.title),
    element('dc:subject', PLAN_SUBJECT),
    element('dc:creator', meta.author ?? 'Nines'),
    element('cp:keywords', planKeywords(meta)),
    element('dc:language', PLAN_LANGUAGE),
    element('cp:lastModifiedBy', 'Nines'),
    element('cp:revision', '1'),
    `<dcterms:created xsi:type="dcterms:W3CDTF">${date}</dcterms:created>`,
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${date}</dcterms:modified>`,
    '</cp:coreProperties>',
  ].join('');
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;

/** MS-DOS time and date of `date` as its UTC time of day (a zip entry has no time zone). */
function dosDateTime(date: Date): { time: number; date: number } {
  return {
    time: (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | (date.getUTCSeconds() >> 1),
    date:
      ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate(),
  };
}

/** Raw DEFLATE (RFC 1951) and CRC-32, from the host: Node's `zlib.deflateRawSync` and `zlib.crc32`. */
export interface ZipCodec {
  deflateRaw(data: Uint8Array): Uint8Array;
  crc32(data: Uint8Array): number;
}

/**
 * A zip (PKWARE APPNOTE 6.3, no ZIP64: parts and package under 4 GiB) of `files` in their order,
 * each deflated by `codec` and dated `date`: local headers carry the sizes and checksum, so no
 * data descriptors (which some Office versions refuse).
 */
export function zipPackage(
  files: ReadonlyMap<string, Uint8Array>,
  date: Date,
  codec: ZipCodec,
): Uint8Array {
  const dos = dosDateTime(date);
  const encoder = new TextEncoder();
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const [path, data] of files) {
    const name = encoder.encode(path);
    const deflated = codec.deflateRaw(data);
    // Version 2.0, UTF-8 names (bit 11), DEFLATE, date, CRC-32 and sizes: the fields the local
    // header (from offset 4) and the central record (from offset 6) share.
    const shared = new Uint8Array(26);
    const view = new DataView(shared.buffer);
    view.setUint16(0, 20, true);
    view.setUint16(2, 0x0800, true);
    view.setUint16(4, 8, true);
    view.setUint16(6, dos.time, true);
    view.setUint16(8, dos.date, true);
    view.setUint32(10, codec.crc32(data) >>> 0, true);
    view.setUint32(14, deflated.length, true);
    view.setUint32(18, data.length, true);
    view.setUint16(22, name.length, true);
    const local = new Uint8Array(30 + name.length);
    new DataView(local.buffer).setUint32(0, LOCAL_HEADER, true);
    local.set(shared, 4);
    local.set(name, 30);
    const record = new Uint8Array(46 + name.length);
    const recordView = new DataView(record.buffer);
    recordView.setUint32(0, CENTRAL_HEADER, true);
    recordView.setUint16(4, 20, true);
    record.set(shared, 6);
    recordView.setUint32(42, offset, true);
    record.set(name, 46);
    parts.push(local, deflated);
    central.push(record);
    offset += local.length + deflated.length;
  }
  const centralSize = central.reduce((sum, r) => sum + r.length, 0);
  const end = new Uint8Array(22);
  const endView = new DataView(end.buffer);
  endView.setUint32(0, END_OF_CENTRAL_DIRECTORY, true);
  endView.setUint16(8, files.size, true);
  endView.setUint16(10, files.size, true);
  endView.setUint32(12, centralSize, true);
  endView.setUint32(16, offset, true);
  const out = new Uint8Array(offset + centralSize + end.length);
  let at = 0;
  for (const chunk of [...parts, ...central, end]) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/**
 * `zip` with every entry's modification time set to `date` (MS-DOS time and date, the only
 * ones a zip without extra fields carries, as its local time of day: read here in UTC), in
 * both its local header and its central directory record. The entries' data and checksums do
 * not change. Throws on a zip it cannot read (one without an end of central directory record).
 */
export function setZipDates(zip: Uint8Array, date: Date): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  const { time: dosTime, date: dosDate } = dosDateTime(date);
  // The end record is 22 bytes, followed by a comment of at most 65,535.
  let end = -1;
  for (let at = out.length - 22; at >= Math.max(0, out.length - 22 - 0xffff); at -= 1) {
    if (view.getUint32(at, true) === END_OF_CENTRAL_DIRECTORY) {
      end = at;
      break;
    }
  }
  if (end < 0) throw new Error('not a zip file: no end of central directory record');
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  for (let i = 0; i < count; i += 1) {
    if (view.getUint32(at, true) !== CENTRAL_HEADER)
      throw new Error('zip central directory is broken');
    view.setUint16(at + 12, dosTime, true);
    view.setUint16(at + 14, dosDate, true);
    const local = view.getUint32(at + 42, true);
    if (view.getUint32(local, true) !== LOCAL_HEADER) throw new Error('zip local header is broken');
    view.setUint16(local + 10, dosTime, true);
    view.setUint16(local + 12, dosDate, true);
    at +=
      46 +
      view.getUint16(at + 28, true) +
      view.getUint16(at + 30, true) +
      view.getUint16(at + 32, true);
  }
  return out;
}
