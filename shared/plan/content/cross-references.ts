/**
 * The final numbers of the plan's tables and the final letters of its appendices.
 *
 * Chapter builders caption their tables `Table N. …` and head their appendices
 * `Appendix X. …` with provisional labels, unique in the plan, and cite them with the same labels
 * (`Table 6`, `Appendix A`, `Table A.2`). Adding a table or an appendix would otherwise renumber
 * every later one by hand. {@link numberCrossReferences} numbers the chapter tables 1, 2, … and
 * letters the appendices A, B, … in the order they are printed, and rewrites every caption,
 * heading and citation to match.
 *
 * NIST's own tables and appendices are never touched: the plan cites them as `Table 3-2` and
 * `Appendix A.3`, which the patterns below exclude.
 */
import type { Block, Cell, Inline } from '../document';

const CHAPTER_CAPTION = /^Table (\d+)\. /;
const APPENDIX_HEADING = /^Appendix ([A-Z])\. /;
/** `Table 6` but not `Table 3-2` (NIST) nor `Table 6.1`. */
const CHAPTER_CITE = /\bTable (\d+)\b(?![-–.]\d)/g;
const APPENDIX_TABLE_CITE = /\bTable ([A-Z])\.(\d+)\b/g;
/** `Appendix A` but not `Appendix A.3` (NIST's templates). */
const APPENDIX_CITE = /\bAppendix ([A-Z])\b(?!\.\d)/g;

/** The provisional → final maps of one plan. */
export interface CrossReferenceMaps {
  /** Provisional table number → final number. */
  readonly tables: ReadonlyMap<string, string>;
  /** Provisional appendix letter → final letter. */
  readonly appendices: ReadonlyMap<string, string>;
}

/**
 * The maps from provisional to final labels: chapter tables in document order from 1, appendices
 * in document order from A. Throws on a provisional label used twice, which would make its
 * citations ambiguous (a mistake of the builder, like a duplicate heading id).
 */
export function crossReferenceMaps(blocks: readonly Block[]): CrossReferenceMaps {
  const tables = new Map<string, string>();
  const appendices = new Map<string, string>();
  for (const block of blocks) {
    if (block.kind === 'table') {
      const number = CHAPTER_CAPTION.exec(block.caption ?? '')?.[1];
      if (number === undefined) continue;
      if (tables.has(number)) throw new Error(`two tables are captioned "Table ${number}."`);
      tables.set(number, String(tables.size + 1));
    } else if (block.kind === 'heading' && block.level === 1 && block.numbered === false) {
      const letter = APPENDIX_HEADING.exec(block.text)?.[1];
      if (letter === undefined) continue;
      if (appendices.has(letter)) throw new Error(`two appendices are lettered "${letter}"`);
      appendices.set(letter, String.fromCharCode(65 + appendices.size));
    }
  }
  return { tables, appendices };
}

/** `text` with every provisional citation and label replaced by its final one. */
export function relabel(text: string, maps: CrossReferenceMaps): string {
  return text
    .replace(
      APPENDIX_TABLE_CITE,
      (_all, letter: string, n: string) => `Table ${maps.appendices.get(letter) ?? letter}.${n}`,
    )
    .replace(CHAPTER_CITE, (all, n: string) => {
      const final = maps.tables.get(n);
      return final === undefined ? all : `Table ${final}`;
    })
    .replace(APPENDIX_CITE, (all, letter: string) => {
      const final = maps.appendices.get(letter);
      return final === undefined ? all : `Appendix ${final}`;
    });
}

/**
 * The blocks with final table numbers and appendix letters, in captions, headings and every
 * citation in the text. Heading and figure ids do not change.
 */
export function numberCrossReferences(blocks: readonly Block[]): Block[] {
  const maps = crossReferenceMaps(blocks);
  const fix = (text: string) => relabel(text, maps);
  const runs = (value: Inline): Inline =>
    value.map((run) => (run.code === true ? run : { ...run, text: fix(run.text) }));
  const cell = (value: Cell): Cell => (typeof value === 'string' ? fix(value) : runs(value));
  return blocks.map((block): Block => {
    switch (block.kind) {
      case 'heading':
        return { ...block, text: fix(block.text) };
      case 'paragraph':
        return { ...block, runs: runs(block.runs) };
      case 'list':
        return { ...block, items: block.items.map(runs) };
      case 'table':
        return {
          ...block,
          ...(block.caption === undefined ? {} : { caption: fix(block.caption) }),
          columns: block.columns.map((c) => ({ ...c, header: fix(c.header) })),
          rows: block.rows.map((row) => row.map(cell)),
        };
      case 'keyValue':
        return {
          ...block,
          rows: block.rows.map((r) => ({ key: fix(r.key), value: cell(r.value) })),
        };
      case 'callout':
        return {
          ...block,
          ...(block.title === undefined ? {} : { title: fix(block.title) }),
          runs: runs(block.runs),
        };
      case 'figure':
        return { ...block, caption: fix(block.caption) };
      case 'pageBreak':
        return block;
    }
  });
}
