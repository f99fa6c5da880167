/**
 * Font tables decoded once per process rather than once per PDF. pdfkit opens each face afresh
 * for every document (it reads the file and builds a new fontkit font), and fontkit decodes each
 * OpenType table at its first use by that font: `cmap`, `hmtx`, `GDEF`, `GSUB`, `GPOS`… again
 * for every PDF. The CLI's PDF writer thread writes a small plan before the real one
 * (`cli/pdf-writer.ts`); with this, the real plan's fonts find their tables already decoded.
 *
 * A font's tables are shared only with a font of the very same bytes (the whole file compared)
 * at the same offset in them (a collection holds several fonts). A decoded table is read-only
 * data (its lazily decoded parts read the file's bytes at fixed offsets), so the glyphs, their
 * positions and the PDF bytes are those of a freshly opened font.
 */

/** What of a fontkit font (fontkit 2.0's `TTFFont`) this relies on. */
interface DecodingFont {
  /** The font file's bytes, as fontkit's `DecodeStream` holds them. */
  readonly stream: { readonly buffer: Uint8Array };
  /** Where the font's table directory starts in the file (0 unless in a collection). */
  readonly _directoryPos: number;
  _decodeTable(table: { readonly tag: string }): unknown;
}

/** The tables decoded so far for one font file and offset. */
interface DecodedFont {
  readonly bytes: Uint8Array;
  readonly directoryPos: number;
  readonly tables: Map<string, unknown>;
}

/** Whether `a` and `b` hold the same bytes. */
function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return false;
  return true;
}

const INSTALLED = Symbol.for('nines.sharedFontTables');

/**
 * Makes every font built on `fontPrototype` (fontkit's TrueType font class, as in
 * `installFastWordShaping`) take its decoded tables from an earlier font of the same bytes, and
 * give them to later ones. Installing twice does nothing.
 */
export function installSharedFontTables(fontPrototype: object): void {
  const proto = fontPrototype as DecodingFont & { [INSTALLED]?: true };
  if (proto[INSTALLED]) return;
  const original = proto._decodeTable;
  const decoded: DecodedFont[] = [];
  const ofFont = new WeakMap<object, Map<string, unknown>>();
  const tablesOf = (font: DecodingFont): Map<string, unknown> => {
    let tables = ofFont.get(font);
    if (!tables) {
      const bytes = font.stream.buffer;
      let entry = decoded.find(
        (e) => e.directoryPos === font._directoryPos && sameBytes(e.bytes, bytes),
      );
      if (!entry) {
        entry = { bytes, directoryPos: font._directoryPos, tables: new Map() };
        decoded.push(entry);
      }
      tables = entry.tables;
      ofFont.set(font, tables);
    }
    return tables;
  };
  proto._decodeTable = function _decodeTable(this: DecodingFont, table) {
    const tables = tablesOf(this);
    if (tables.has(table.tag)) return tables.get(table.tag);
    const result = original.call(this, table);
    tables.set(table.tag, result);
    return result;
  };
  proto[INSTALLED] = true;
}
