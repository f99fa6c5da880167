/**
 * The final numbers of the plan's tables and figures and the final letters of its appendices:
 * this module alone numbers them (the writers print the captions as they are).
 *
 * Chapter builders caption their tables `Table N. …` (`Table X.n. …` in appendix X), their
 * figures `Figure N. …`, head their appendices `Appendix X. …` with provisional labels, unique
 * in the plan, and cite them with the same labels (`Table 6`, `Figure 1`, `Appendix A`,
 * `Table A.2`). A builder that leaves a table out (a single variant has no ranking, a single
 * region no cross-region dependencies) or an appendix added before others would otherwise leave
 * gaps or renumber every later one by hand. {@link numberCrossReferences} numbers the chapter
 * tables and the figures 1, 2, …, letters the appendices A, B, … and numbers each appendix's
 * tables X.1, X.2, …, all in the order they are printed, and rewrites every caption, heading
 * and citation to match. A citation of a label no caption has is left as it is (but for its
 * appendix letter).
 *
 * NIST's own tables and appendices are never touched: the plan cites them as `Table 3-2` and
 * `Appendix A.3`, which the patterns below exclude.
 */
import type { Block, Cell, Inline } from '../document';

const CAPTION = /^(Table|Figure) (?:([A-Z])\.)?(\d+)\. /;
const APPENDIX_HEADING = /^Appendix ([A-Z])\. /;
/**
 * A citation: `Table A.2` (an appendix table), `Table 6` or `Figure 1` but not `Table 3-2`
 * (NIST) nor `Table 6.1`, `Appendix A` but not `Appendix A.3` (NIST's templates). One pattern,
 * so that each citation is rewritten once.
 */
const CITATION =
  /\b(?:(Table|Figure) ([A-Z])\.(\d+)\b|(Table|Figure) (\d+)\b(?![-\u2011\u2013.]\d)|Appendix ([A-Z])\b(?!\.\d))/g;

/** The provisional → final labels of one plan. */
export interface CrossReferenceMaps {
  /** Provisional → final label of each captioned table and figure: `Table 3` → `Table 2`. */
  readonly captions: ReadonlyMap<string, string>;
  /** Provisional appendix letter → final letter. */
  readonly appendices: ReadonlyMap<string, string>;
}

/**
 * The maps from provisional to final labels, in document order: chapter tables and figures
 * from 1, appendices from A, each appendix's tables from 1. Throws on a provisional label used
 * twice, which would make its citations ambiguous (a mistake of the builder, like a duplicate
 * heading id).
 */
export function crossReferenceMaps(blocks: readonly Block[]): CrossReferenceMaps {
  const captions = new Map<string, string>();
  const appendices = new Map<string, string>();
  const counters = new Map<string, number>();
  for (const block of blocks) {
    if (block.kind === 'table' || block.kind === 'figure') {
      const match = CAPTION.exec(block.caption ?? '');
      if (!match) continue;
      const [, kind, letter, number] = match;
      const provisional = `${kind} ${letter ? `${letter}.` : ''}${number}`;
      if (captions.has(provisional)) throw new Error(`two captions are labelled "${provisional}."`);
      const prefix = letter ? `${appendices.get(letter) ?? letter}.` : '';
      const counter = `${kind} ${prefix}`;
      const next = (counters.get(counter) ?? 0) + 1;
      counters.set(counter, next);
      captions.set(provisional, `${counter}${next}`);
    } else if (block.kind === 'heading' && block.level === 1 && block.numbered === false) {
      const letter = APPENDIX_HEADING.exec(block.text)?.[1];
      if (letter === undefined) continue;
      if (appendices.has(letter)) throw new Error(`two appendices are lettered "${letter}"`);
      appendices.set(letter, String.fromCharCode(65 + appendices.size));
    }
  }
  return { captions, appendices };
}

/** `text` with every provisional citation and label replaced by its final one. */
export function relabel(text: string, maps: CrossReferenceMaps): string {
  return text.replace(
    CITATION,
    (
      all,
      appendixKind: string | undefined,
      letter: string | undefined,
      n: string | undefined,
      kind: string | undefined,
      number: string | undefined,
      appendix: string | undefined,
    ) => {
      if (appendixKind !== undefined) {
        return (
          maps.captions.get(`${appendixKind} ${letter}.${n}`) ??
          `${appendixKind} ${maps.appendices.get(letter ?? '') ?? letter}.${n}`
        );
      }
      if (kind !== undefined) return maps.captions.get(`${kind} ${number}`) ?? all;
      const final = maps.appendices.get(appendix ?? '');
      return final === undefined ? all : `Appendix ${final}`;
    },
  );
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
