/**
 * The record of one `npm run bench` (bench/results.json) and the Markdown made from it:
 * bench/RESULTS.md whole, the README's performance table and docs/plan.md's measured facts
 * (scripts/docs-figures.ts writes those two between their markers). Each benchmark script prints
 * its cases as JSON; a case is drawn by its shape, not by the script that measured it, so a case
 * added to a script (a paired whole-process case in bench/process.ts, say) gets its row in every
 * table without a change here.
 */
import type { PairedCase as PairedRun, Stats } from '../bench/paired';
import { grouped } from '../shared/text';

/** Load average over 1, 5 and 15 minutes (`os.loadavg()`). */
export type LoadAverage = readonly [number, number, number];

/** One benchmark script's run: its cases as it printed them, and the load around it. */
export interface SuiteRun {
  /** File name under bench/, e.g. `index.ts`. */
  readonly script: string;
  readonly exitCode: number;
  readonly loadBefore: LoadAverage;
  readonly loadAfter: LoadAverage;
  /** Wall time of the whole script, s. */
  readonly seconds: number;
  readonly cases: readonly BenchCase[];
}

/** A case as a script printed it: a name and its figures (shapes below). */
export type BenchCase = { readonly name: string } & Readonly<Record<string, unknown>>;

export interface BenchResults {
  readonly format: 'nines-bench/1';
  /** When the run started, ISO 8601 (UTC). */
  readonly date: string;
  /** The commit measured (`git rev-parse --short HEAD`, `+` when the tree had changes). */
  readonly commit: string | null;
  readonly machine: {
    readonly cpu: string;
    readonly cores: number;
    readonly node: string;
    readonly os: string;
    /** The niceness the benchmarks ran at (`nice -n 10 npm run bench`: 10); 0 when not given. */
    readonly nice?: number;
  };
  readonly suites: readonly SuiteRun[];
  /** The three-region template's plan as `nines plan --pdf` wrote it in this run. */
  readonly plan: { readonly template: string; readonly pdfPages: number } | null;
}

// ---------------------------------------------------------------------------------------------
// The shapes of the cases (as the scripts print them)

export type { Stats } from '../bench/paired';

/**
 * bench/paired.ts: whole processes A and B alternating. Its `target` is null in the record where
 * the script had none (Infinity, which JSON writes as null).
 */
export type PairedCase = Omit<PairedRun, 'target'> & { readonly target: number | null };

/** bench/index.ts: `evaluate` in process. */
export interface EvaluateCase {
  readonly name: string;
  readonly events: number;
  readonly medianMs: number;
  readonly availabilityOnlyMs: number;
  readonly targetMs?: number;
}

/** bench/simulate.ts: Monte Carlo throughput. */
export interface SimulateCase {
  readonly name: string;
  readonly variants: number;
  readonly yearsPerSecond: number;
  readonly targetYearsPerSecond?: number;
}

/** bench/review.ts: the advisor's review and the sensitivity. */
export interface ReviewCase {
  readonly name: string;
  readonly nodes: number;
  readonly reviewMs: number;
  readonly sensitivityMs: number | null;
  readonly target: { readonly reviewMs: number; readonly sensitivityMs: number | null };
}

/** bench/frames.ts: frames while dragging a node (the figures read here), and the rate to keep. */
export interface FrameCase {
  readonly name: string;
  readonly nodes: number;
  readonly fps: number;
  readonly medianFrameMs: number;
  readonly p95FrameMs: number;
  readonly maxFrameMs: number;
  readonly frames: number;
  readonly targetFps?: number;
}

export interface SkippedCase {
  readonly name: string;
  readonly skipped: string;
}

const has = (c: BenchCase, ...keys: string[]) => keys.every((k) => k in c);
export const isPaired = (c: BenchCase): c is BenchCase & PairedCase =>
  has(c, 'pairs', 'aMs', 'bMs');
export const isEvaluate = (c: BenchCase): c is BenchCase & EvaluateCase =>
  has(c, 'events', 'availabilityOnlyMs');
export const isSimulate = (c: BenchCase): c is BenchCase & SimulateCase => has(c, 'yearsPerSecond');
export const isReview = (c: BenchCase): c is BenchCase & ReviewCase => has(c, 'reviewMs');
export const isFrames = (c: BenchCase): c is BenchCase & FrameCase => has(c, 'fps', 'frames');
export const isSkipped = (c: BenchCase): c is BenchCase & SkippedCase => has(c, 'skipped');

// ---------------------------------------------------------------------------------------------
// Numbers

/** A time in ms to three significant figures: `0.446 ms`, `25.3 ms`, `1,315 ms` … `1.32 s`. */
export function formatMs(ms: number): string {
  if (ms >= 10_000) return `${grouped(ms / 1000, 1)} s`;
  if (ms >= 2_000) return `${grouped(ms / 1000, 2)} s`;
  const decimals = ms > 0 ? Math.max(0, 2 - Math.floor(Math.log10(ms))) : 0;
  return `${grouped(ms, decimals)} ms`;
}

/** A suite's 1-minute load average before and after it: `12.3 → 14.1`. */
export function formatLoad(suite: SuiteRun): string {
  return `${grouped(suite.loadBefore[0], 1)} → ${grouped(suite.loadAfter[0], 1)}`;
}

/** The three figures of a load average: `12.3 / 9.8 / 7.1`. */
export function formatLoadAverage(load: LoadAverage): string {
  return load.map((x) => grouped(x, 1)).join(' / ');
}

/** An ISO 8601 time as `2026-12-07 04:54 UTC`. */
export function formatDate(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/** The least and the most of `values`, the unit once when both share it: `0.25 – 2.5 ms`. */
export function range(values: readonly number[], format: (x: number) => string): string {
  const [low, high] = [format(Math.min(...values)), format(Math.max(...values))];
  if (low === high) return low;
  const unit = (text: string) => text.slice(text.lastIndexOf(' '));
  return unit(low) === unit(high)
    ? `${low.slice(0, -unit(low).length)} – ${high}`
    : `${low} – ${high}`;
}

/** `min / median / max` of a paired run, ms. */
export const triple = (s: Stats) =>
  `${grouped(s.minMs, 0)} / ${grouped(s.medianMs, 0)} / ${grouped(s.maxMs, 0)}`;

/**
 * Prose wrapped at `width` columns (the docs' style, checked by markdownlint's MD013); no line
 * starts with what Markdown would read as a list item, a heading, a quote or a table row.
 */
export function wrap(text: string, width = 100): string {
  const lines: string[] = [];
  let line = '';
  // A code span is one word, spaces and all, so that a line never breaks inside it.
  for (const word of text.replace(/\s+/g, ' ').match(/(?:[^\s`]|`[^`]*`)+/g) ?? []) {
    if (line !== '' && line.length + 1 + word.length > width && !/^([-+*>#|]|\d+\.)$/.test(word)) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines.join('\n');
}

/** A target as written, with `: missed` when the run missed it. */
export function verdict(target: string, met: boolean): string {
  return met ? target : `${target}: missed`;
}

/** A table in GitHub Markdown; a `|` inside a cell is escaped so the row keeps its cells. */
export function markdownTable(header: readonly string[], rows: readonly string[][]): string {
  const line = (cells: readonly string[]) =>
    `| ${cells.map((c) => c.replaceAll('|', '\\|')).join(' | ')} |`;
  return [line(header), `|${header.map(() => '---').join('|')}|`, ...rows.map(line)].join('\n');
}

/** A short account of where and when: machine, date, commit. */
export function provenance(results: BenchResults): string {
  const m = results.machine;
  return [
    `\`npm run bench\` of ${formatDate(results.date)}`,
    results.commit ? ` (commit ${results.commit})` : '',
    ` on ${m.cpu}, ${m.cores} cores, ${m.os}, Node ${m.node.replace(/^v/, '')}`,
    m.nice ? `, at nice ${m.nice} (below every process at the default priority)` : '',
  ].join('');
}
