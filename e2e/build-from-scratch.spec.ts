// Issue 17, "Done when": the two-region Active-Active design built from an empty document through
// the UI only, in at most 35 counted actions; the saved file's `nines evaluate` equals what the
// app shows. Screenshots of the result at 1280×800 and 1920×1080, light and dark
// (test-results/screenshots/build-from-scratch-*.png).
//
// Counting rule: one action = one click, one drag, one key chord, or one typed value (typing a
// value into a field and committing it counts once). Every UI operation goes through `Actions`,
// which counts it as it does it, so the count cannot drift from what the test does. Waiting for a
// state and reading the DOM to check are not actions. Nothing is built through the store,
// `page.evaluate`, a file or a template: only real UI events.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import type { NinesDocument } from '../shared/model/types';
import { formatAvailability } from '../shared/text';
import { availabilityByCli } from './pages/cli';
import { EditorPage } from './pages/editor-page';

/** The most actions the design may take (issue 17). */
const ACTION_BUDGET = 35;

/** Counts each UI operation as it does it: the one way the test acts on the page. */
class Actions {
  readonly done: string[] = [];

  constructor(
    readonly editor: EditorPage,
    readonly page: Page = editor.page,
  ) {}

  get count(): number {
    return this.done.length;
  }

  private async act(what: string, run: () => Promise<unknown>): Promise<void> {
    this.done.push(what);
    await run();
  }

  /** One click. */
  click(what: string, target: Locator, options?: Parameters<Locator['click']>[0]) {
    return this.act(`click ${what}`, () => target.click(options));
  }

  /** One click on a node (a container by its title bar, `at`): it alone is selected. */
  async select(id: string, at?: { x: number; y: number }) {
    const node = this.editor.node(id);
    await this.click(id, node, at ? { position: at } : undefined);
    await expect(node).toHaveClass(/selected/);
    await expect(this.editor.canvas.locator('.react-flow__node.selected')).toHaveCount(1);
  }

  /** One click on the empty canvas: nothing selected, the document in the inspector. */
  async deselect() {
    await this.click('empty canvas', this.editor.canvas.locator('.react-flow__pane'), {
      position: { x: 5, y: 5 },
    });
    await expect(this.editor.canvas.locator('.react-flow__node.selected')).toHaveCount(0);
  }

  /** One key chord. */
  press(chord: string) {
    return this.act(`press ${chord}`, () => this.page.keyboard.press(chord));
  }

  /** One click on a palette item: adds a node; answers its id. */
  async add(kind: string): Promise<string> {
    const before = new Set(await this.editor.nodeIds());
    await this.click(`palette ${kind}`, this.editor.paletteItem(kind));
    await expect.poll(async () => (await this.editor.nodeIds()).length).toBe(before.size + 1);
    const added = (await this.editor.nodeIds()).find((id) => !before.has(id));
    if (!added) throw new Error(`clicking ${kind} added no node`);
    return added;
  }

  /** One typed value committed (or one choice in a select) in an inspector field. */
  field(key: string, value: string) {
    return this.act(`set ${key} = ${value}`, () => this.editor.setField(key, value));
  }

  /** One value typed into a picker (combobox) field and committed with Enter. */
  pick(key: string, value: string) {
    return this.act(`pick ${key} = ${value}`, async () => {
      const input = this.editor.fieldInput(key);
      await input.fill(value);
      await input.press('Enter');
      await expect(input).toHaveValue(value);
    });
  }

  /** One drag from a card's handle to another card: an edge. */
  connect(from: string, to: string, fromSide?: 'right' | 'bottom', toSide?: 'left' | 'top') {
    return this.act(`drag ${from} → ${to}`, async () => {
      // Hovered by a corner, not the middle, where another edge may pass over the card.
      await this.editor.node(from).hover({ position: { x: 6, y: 6 } });
      await this.editor.connect(from, to, fromSide, toSide, { hover: false });
    });
  }
}

// An action that cannot happen fails in its own time, not the whole test's.
test.use({ actionTimeout: 30_000 });

test('the two-region Active-Active design, built from an empty document in ≤ 35 actions', async ({
  page,
}) => {
  const editor = new EditorPage(page);
  const act = new Actions(editor);
  await editor.useClassicFileDialogs();
  await editor.openStart();
  await act.click('New → Empty', page.getByTestId('template-empty'));
  await expect(editor.canvas).toBeVisible();

  // The global router first: it becomes the entry. A DNS router.
  const dns = await act.add('router');
  await act.field('routerKind', 'dns');

  // Region 1: its service tier and Active-Active Redis, then three zones in its strip.
  const east = await act.add('region');
  await act.pick('provider', 'aws');
  await act.pick('location', 'us-east-1');
  const app = await act.add('service');
  await act.field('instances', '3');
  const redis = await act.add('datastore');
  await act.field('replication', 'active-active');
  await act.pick('engine', 'redis');
  await act.connect(app, redis);
  for (let i = 0; i < 3; i += 1) await act.add('zone');

  // Region 2: the region duplicated with everything in it (it lands right of region 1, the copy
  // alone selected), then moved to Europe. The zones panned the view: the region is taken by the
  // right end of its title bar, which is in view.
  const eastBox = await editor.node(east).boundingBox();
  if (!eastBox) throw new Error('region 1 is not on the canvas');
  await act.select(east, { x: eastBox.width - 20, y: 10 });
  const before = new Set(await editor.nodeIds());
  await act.press('Control+d');
  await expect(editor.nodesOfKind('region')).toHaveCount(2);
  const copies = (await editor.nodeIds()).filter((id) => !before.has(id));
  const west = copies.find((id) => id.startsWith('region-')) ?? '';
  const app2 = copies.find((id) => id.startsWith('app-')) ?? '';
  const redis2 = copies.find((id) => id.startsWith('db-')) ?? '';
  await expect(editor.node(west)).toHaveClass(/selected/);
  await expect(editor.canvas.locator('.react-flow__node.selected')).toHaveCount(1);
  await act.pick('location', 'eu-west-1');
  // Laid out and fitted in view, to draw the edges between the regions and the router.
  const layoutBefore = await editor.node(dns).getAttribute('style');
  const autoLayout = page.getByRole('button', { name: 'Auto-layout' });
  await act.click('Auto-layout', autoLayout);
  await expect.poll(() => editor.node(dns).getAttribute('style')).not.toBe(layoutBefore);
  await expect(autoLayout).toBeEnabled();
  await editor.waitForFittedView();

  // The router to both service tiers; the two Redis replicate.
  await act.connect(dns, app);
  await act.connect(dns, app2);
  await act.connect(redis, redis2);

  // A backup of the first Redis, drawn to it.
  await act.select(redis);
  const backup = await act.add('backup');
  await act.connect(backup, redis);

  // Targets, in the document's inspector (nothing selected).
  await act.deselect();
  await act.field('availability', '99.99');
  await act.field('rtoSeconds', '5 min');

  // Saved through the UI: the web host downloads the file.
  await expect(page.getByTestId('results')).toHaveAttribute('aria-busy', 'false');
  const shown = (await editor.availability.textContent()) ?? '';
  const download = page.waitForEvent('download');
  await act.press('Control+s');
  const saved = test.info().outputPath('built.nines.json');
  await (await download).saveAs(saved);

  console.log(`${act.count} actions (at most ${ACTION_BUDGET}):\n  ${act.done.join('\n  ')}`);
  expect(act.count).toBeLessThanOrEqual(ACTION_BUDGET);

  // The app shows what the CLI computes from the saved file.
  expect(shown).toMatch(/^\d{2,3}\.\d{4}\s%$/);
  expect(shown).toBe(formatAvailability(availabilityByCli(saved)));

  // The saved document is the design asked for.
  const doc = JSON.parse(readFileSync(saved, 'utf8')) as NinesDocument;
  const variant = doc.variants[0];
  if (!variant) throw new Error('no variant saved');
  const byId = new Map(variant.nodes.map((n) => [n.id, n]));
  const ofKind = (kind: string) => variant.nodes.filter((n) => n.kind === kind);
  expect(variant.entry).toBe(dns);
  expect(byId.get(dns)).toMatchObject({ kind: 'router', dnsTtlSeconds: 60 });
  expect(byId.get(dns)?.parent).toBeUndefined();
  expect(ofKind('region')).toHaveLength(2);
  expect(byId.get(east)).toMatchObject({ kind: 'region', provider: 'aws', location: 'us-east-1' });
  expect(byId.get(west)).toMatchObject({ kind: 'region', provider: 'aws', location: 'eu-west-1' });
  const zones = ofKind('zone');
  expect(zones).toHaveLength(6);
  for (const region of [east, west]) {
    expect(zones.filter((z) => z.parent === region)).toHaveLength(3);
  }
  for (const [region, service, store] of [
    [east, app, redis],
    [west, app2, redis2],
  ] as const) {
    expect(byId.get(service)).toMatchObject({ kind: 'service', parent: region, instances: 3 });
    expect(byId.get(store)).toMatchObject({
      kind: 'datastore',
      parent: region,
      engine: 'redis',
      replication: 'active-active',
    });
  }
  const edges = variant.edges.map((e) => `${e.kind}:${e.from}>${e.to}`).sort();
  expect(edges).toEqual(
    [
      `depends:${dns}>${app}`,
      `depends:${dns}>${app2}`,
      `depends:${app}>${redis}`,
      `depends:${app2}>${redis2}`,
      `replicates:${redis}>${redis2}`,
      `backs-up:${backup}>${redis}`,
    ].sort(),
  );
  expect(doc.targets).toMatchObject({ availability: 0.9999, rtoSeconds: 300 });

  // The finished design to look at, fitted to each window size, in both themes (the build is
  // over: these clicks are not part of it).
  for (const size of [
    { width: 1280, height: 800 },
    { width: 1920, height: 1080 },
  ]) {
    await page.setViewportSize(size);
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await page.getByRole('button', { name: 'Fit', exact: true }).click();
      await editor.waitForFittedView();
      await page.screenshot({
        path: `test-results/screenshots/build-from-scratch-${size.width}-${colorScheme}.png`,
      });
    }
  }
  expect(editor.errors).toEqual([]);
});
