/**
 * `tsx bench/frames.ts [--json] [--no-build] [--profile=<file>]` (the last step of `npm run bench`): frame times of
 * the web build while a node is dragged for about 2 s in a generated document of about 300 nodes
 * (33 regions × 3 zones, five tiers per region), in Debian's headless Chromium (playwright-core).
 * The page records every requestAnimationFrame timestamp during the drag; the intervals between
 * them are the frame times. Target: at least 50 frames per second.
 *
 * It builds dist/web first (skip with `--no-build`), serves it with Vite's preview server in
 * this process on a free port, and opens the document through the app's own Open (a file
 * input), as a person would.
 *
 * Frame rates on a busy machine are noisy, so it also reports the main thread's CPU time over
 * the whole gesture (press, moves, drop and two frames after; Chromium's `ThreadTime` metric
 * through the DevTools protocol), which depends far less on the other processes, its busy wall
 * time (`TaskDuration`) and the long tasks (over 50 ms) in it. `--profile=<file.cpuprofile>` also records a sampling CPU profile of the
 * gesture (open it in Chromium's DevTools) and prints the functions with the most self time.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type CDPSession, type Page } from 'playwright-core';
import { build, preview } from 'vite';
import { CHROMIUM_LAUNCH_OPTIONS } from '../chromium.config';
import { generatedModel } from '../shared/testing/generated-model';
import { serializeDocument } from '../shared/schema/serialize';

const CONFIG = new URL('../vite.web.config.ts', import.meta.url).pathname;
const REGIONS = 33;
const DRAG_MS = 2000;
const SLOW_FRAME_MS = 34;
/** Frames per second the drag must keep. */
const TARGET_FPS = 50;

interface FrameCase {
  readonly name: string;
  readonly nodes: number;
  /** Frames per second over the drag: frames drawn / time taken. */
  readonly fps: number;
  readonly medianFrameMs: number;
  readonly p95FrameMs: number;
  readonly maxFrameMs: number;
  /** Frames longer than two at 60 Hz (missed at least one refresh). */
  readonly slowFrames: number;
  readonly frames: number;
  /** How far the node moved on screen, px; 0 means the drag did not move it. */
  readonly movedPx: number;
  /** From releasing the mouse to the second frame after, ms (the drop applied and drawn). */
  readonly dropMs: number;
  /** Main-thread busy time over the whole gesture (press, moves, drop, two frames), wall ms. */
  readonly mainThreadMs: number;
  /** The main thread's CPU time over the gesture, ms: what the gesture costs, whatever the load. */
  readonly mainThreadCpuMs: number;
  /** Mouse moves sent during the drag. */
  readonly moves: number;
  /** Tasks over 50 ms on the main thread during the gesture, and their total, ms. */
  readonly longTasks: number;
  readonly longTaskMs: number;
  /** From choosing the file to its first card drawn, ms. */
  readonly openMs: number;
  /** From choosing the file to its edges' routes drawn, ms. */
  readonly routedMs: number;
}

/** The `--profile=<file>` argument: where to write the gesture's CPU profile. */
const PROFILE = process.argv.find((a) => a.startsWith('--profile='))?.slice('--profile='.length);

/**
 * Chromium's cumulative times of the page so far, ms, by metric name: the main thread's busy
 * time by kind (`…Duration`, wall time) and its CPU time (`ThreadTime`).
 */
async function durations(cdp: CDPSession): Promise<Map<string, number>> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return new Map(
    metrics
      .filter((m) => m.name.endsWith('Duration') || m.name === 'ThreadTime')
      .map((m) => [m.name, m.value * 1000]),
  );
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

/** The functions with the most self time in a CPU profile, as lines of text. */
function topSelfTime(
  profile: { nodes: ProfileNode[]; samples?: number[]; timeDeltas?: number[] },
  count: number,
): string[] {
  const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  (profile.samples ?? []).forEach((id, i) => {
    const frame = byNode.get(id)?.callFrame;
    if (!frame) return;
    const file = frame.url.split('/').at(-1) ?? '';
    const name = `${frame.functionName || '(anonymous)'} ${file}:${frame.lineNumber + 1}`;
    self.set(name, (self.get(name) ?? 0) + (profile.timeDeltas?.[i] ?? 0) / 1000);
  });
  return [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, ms]) => `  ${ms.toFixed(1).padStart(8)} ms  ${name}`);
}

function percentile(sorted: readonly number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
  return sorted[i] ?? NaN;
}

/** The id of the service card nearest the middle of the canvas (the layout is wider than it). */
async function centralService(page: Page): Promise<string> {
  const canvas = await page.getByTestId('canvas').boundingBox();
  if (!canvas) throw new Error('no canvas');
  const cx = canvas.x + canvas.width / 2;
  const cy = canvas.y + canvas.height / 2;
  let best: { id: string; distance: number } | undefined;
  for (const node of await page.locator('.react-flow__node-service').all()) {
    const box = await node.boundingBox();
    const id = await node.getAttribute('data-id');
    if (!box || !id) continue;
    const distance = Math.hypot(box.x + box.width / 2 - cx, box.y + box.height / 2 - cy);
    if (!best || distance < best.distance) best = { id, distance };
  }
  if (!best) throw new Error('no service card on the canvas');
  return best.id;
}

async function dragAndMeasure(
  page: Page,
  dragged: string,
): Promise<Omit<FrameCase, 'name' | 'nodes' | 'openMs' | 'routedMs'>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const node = page.locator(`.react-flow__node[data-id="${dragged}"]`);
  const before = await node.boundingBox();
  if (!before) throw new Error(`${dragged} is not on the canvas`);
  const x0 = before.x + before.width / 2;
  const y0 = before.y + before.height / 2;

  // A string, not a function: tsx would wrap a function's inner names with a helper the page
  // does not have.
  await page.evaluate(`
    window.benchFrames = { times: [], running: true, longTasks: [] };
    new PerformanceObserver(function (list) {
      for (const entry of list.getEntries()) window.benchFrames.longTasks.push(entry.duration);
    }).observe({ type: 'longtask' });
    requestAnimationFrame(function tick(t) {
      window.benchFrames.times.push(t);
      if (window.benchFrames.running) requestAnimationFrame(tick);
    });
  `);

  await page.mouse.move(x0, y0);
  if (PROFILE) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
  }
  const busyBefore = await durations(cdp);
  await page.mouse.down();
  const start = Date.now();
  let step = 0;
  while (Date.now() - start < DRAG_MS) {
    step += 1;
    // A slow loop of about 120 px around the start, one small move per event.
    const angle = step / 12;
    await page.mouse.move(x0 + 60 * Math.sin(angle), y0 + 40 * (1 - Math.cos(angle)));
  }
  await page.mouse.move(x0 + 80, y0 + 60);
  const during = await node.boundingBox();
  // The drag ends here; the drop (one undo step, the results) is timed on its own below.
  const times = await page.evaluate<number[]>(
    'window.benchFrames.running = false, window.benchFrames.times',
  );
  const upAt = Date.now();
  await page.mouse.up();
  // Two frames after the drop: the frame that handles it has been drawn.
  await page.evaluate(
    'new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))',
  );
  const dropMs = Date.now() - upAt;
  const busyAfter = await durations(cdp);
  const spent = (name: string) => (busyAfter.get(name) ?? NaN) - (busyBefore.get(name) ?? NaN);
  const busy = spent('TaskDuration');
  const cpu = spent('ThreadTime');
  const longTasks = await page.evaluate<number[]>('window.benchFrames.longTasks');
  if (PROFILE) {
    const { profile } = await cdp.send('Profiler.stop');
    writeFileSync(PROFILE, JSON.stringify(profile));
    process.stderr.write(
      [
        `CPU profile of the gesture: ${PROFILE}`,
        `  main thread, ms: ${[...busyAfter.keys()].map((k) => `${k} ${spent(k).toFixed(0)}`).join(', ')}`,
        ...topSelfTime(profile, 25),
        '',
      ].join('\n'),
    );
  }

  const intervals = times.slice(1).map((t, i) => t - (times[i] as number));
  const sorted = [...intervals].sort((a, b) => a - b);
  const spanMs = (times.at(-1) ?? 0) - (times[0] ?? 0);
  return {
    fps: spanMs > 0 ? (intervals.length * 1000) / spanMs : 0,
    medianFrameMs: percentile(sorted, 0.5),
    p95FrameMs: percentile(sorted, 0.95),
    maxFrameMs: sorted.at(-1) ?? NaN,
    slowFrames: intervals.filter((ms) => ms > SLOW_FRAME_MS).length,
    frames: intervals.length,
    movedPx: during ? Math.hypot(during.x - before.x, during.y - before.y) : 0,
    dropMs,
    mainThreadMs: busy,
    mainThreadCpuMs: cpu,
    moves: step + 1,
    longTasks: longTasks.length,
    longTaskMs: longTasks.reduce((a, b) => a + b, 0),
  };
}

async function run(): Promise<FrameCase> {
  if (!process.argv.includes('--no-build')) {
    await build({ configFile: CONFIG, logLevel: 'error' });
  }
  const server = await preview({
    configFile: CONFIG,
    logLevel: 'warn',
    preview: { port: 0, strictPort: false, open: false },
  });
  const dir = mkdtempSync(join(tmpdir(), 'nines-frames-'));
  const browser = await chromium.launch(CHROMIUM_LAUNCH_OPTIONS);
  try {
    const doc = generatedModel(REGIONS);
    const file = join(dir, 'generated.nines.json');
    writeFileSync(file, serializeDocument(doc));
    const url = server.resolvedUrls?.local[0];
    if (!url) throw new Error('the preview server has no local URL');

    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    // The classic file dialog, which a script can answer.
    await page.addInitScript(() => {
      Object.defineProperty(window, 'showOpenFilePicker', { value: undefined });
    });
    await page.goto(url);
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Open', exact: true }).click();
    const chosenAt = Date.now();
    await (await chooser).setFiles(file);
    await page.locator('.react-flow__node-service').first().waitFor();
    const openMs = Date.now() - chosenAt;
    // The drag runs with routing on: once the routes (from the routing worker) are drawn.
    await page.locator('[data-testid="canvas"][data-routing="done"]').waitFor({ timeout: 120_000 });
    const routedMs = Date.now() - chosenAt;
    // Let the first layout, measurement and fit settle.
    await page.waitForTimeout(1000);
    const nodes = await page.locator('.react-flow__node').count();
    const measured = await dragAndMeasure(page, await centralService(page));
    return {
      name: `drag ${doc.variants[0]?.nodes.length ?? 0} nodes`,
      nodes,
      openMs,
      routedMs,
      ...measured,
    };
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
    rmSync(dir, { recursive: true, force: true });
  }
}

const result = await run();
if (process.argv.includes('--json')) {
  process.stdout.write(`${JSON.stringify({ cases: [{ ...result, targetFps: TARGET_FPS }] })}\n`);
} else {
  process.stdout.write(
    [
      `${result.name} (${result.nodes} on the canvas), ${DRAG_MS / 1000} s drag in headless Chromium at 1280×800`,
      `  opened: first card drawn ${result.openMs} ms after the file was chosen, routes drawn after ${result.routedMs} ms`,
      `  ${result.fps.toFixed(1)} frames per second over ${result.frames} frames (target ≥ ${TARGET_FPS})`,
      `  frame time: median ${result.medianFrameMs.toFixed(1)} ms, p95 ${result.p95FrameMs.toFixed(1)} ms, max ${result.maxFrameMs.toFixed(1)} ms; ${result.slowFrames} frames over ${SLOW_FRAME_MS} ms`,
      result.movedPx > 0
        ? `  the node moved ${result.movedPx.toFixed(0)} px`
        : '  the node did not move: this build does not drag nodes, so this measured a drag on a fixed node',
      `  drop (mouse up to the second frame after): ${result.dropMs} ms`,
      `  main thread over the gesture (press, ${result.moves} moves, drop): CPU ${result.mainThreadCpuMs.toFixed(0)} ms, busy ${result.mainThreadMs.toFixed(0)} ms; ${result.longTasks} long tasks, ${result.longTaskMs.toFixed(0)} ms`,
      '',
    ].join('\n'),
  );
}
