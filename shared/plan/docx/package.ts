/**
 * What makes the DOCX package the same bytes each time: the core properties written from the
 * plan (its issue date as created and modified, never the clock, which `docx` stamps) and every
 * zip entry dated that day (fflate, under `docx`, dates entries with the clock).
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

/**
 * `zip` with every entry's modification time set to `date` (MS-DOS time and date, the only
 * ones a zip without extra fields carries, as its local time of day: read here in UTC), in
 * both its local header and its central directory record. The entries' data and checksums do
 * not change. Throws on a zip it cannot read (one without an end of central directory record).
 */
export function setZipDates(zip: Uint8Array, date: Date): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  const dosTime =
    (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | (date.getUTCSeconds() >> 1);
  const dosDate =
    ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate();
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
