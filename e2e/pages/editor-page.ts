/** Editing gestures on the planner's canvas, as a person makes them, for the editor specs. */
import { expect, type Locator, type Page } from '@playwright/test';
import { PlannerPage } from './planner-page';

type Side = 'top' | 'right' | 'bottom' | 'left';

export class EditorPage extends PlannerPage {
  constructor(page: Page) {
    super(page);
  }

  /** Opens New → Empty document from the start screen. */
  async openEmpty(): Promise<void> {
    await this.openStart();
    await this.page.getByTestId('template-empty').click();
    await expect(this.canvas).toBeVisible();
  }

  paletteItem(kind: string): Locator {
    return this.page.getByTestId(`palette-${kind}`);
  }

  /** Drags a kind from the palette and drops it at (x, y) px from the canvas's top-left corner. */
  async drop(kind: string, x: number, y: number): Promise<void> {
    await this.paletteItem(kind).dragTo(this.canvas, { targetPosition: { x, y } });
  }

  /** The ids of every node on the canvas. */
  async nodeIds(): Promise<string[]> {
    return this.canvas
      .locator('.react-flow__node')
      .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-id') ?? ''));
  }

  /** Drops a kind and returns the id of the node it created. */
  async dropNew(kind: string, x: number, y: number): Promise<string> {
    const before = new Set(await this.nodeIds());
    await this.drop(kind, x, y);
    await expect.poll(async () => (await this.nodeIds()).length).toBe(before.size + 1);
    const added = (await this.nodeIds()).find((id) => !before.has(id));
    if (!added) throw new Error(`dropping a ${kind} added no node`);
    return added;
  }

  /** The centre of a node's handle on one side (where edges start and end), in page coordinates. */
  async handle(nodeId: string, side: Side): Promise<{ x: number; y: number }> {
    const box = await this.node(nodeId)
      .locator(`.react-flow__handle[data-handleid="${side}"]`)
      .boundingBox();
    if (!box) throw new Error(`no ${side} handle on ${nodeId}`);
    return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  }

  /**
   * Drags from one card's handle to another card's handle, drawing an edge; the card is hovered
   * first (by its middle) unless `hover` is false.
   */
  async connect(
    from: string,
    to: string,
    fromSide: Side = 'bottom',
    toSide: Side = 'top',
    { hover = true }: { hover?: boolean } = {},
  ) {
    if (hover) await this.node(from).hover();
    const start = await this.handle(from, fromSide);
    const end = await this.handle(to, toSide);
    await this.page.mouse.move(start.x, start.y);
    await this.page.mouse.down();
    await this.page.mouse.move(start.x + 10, start.y + 10, { steps: 3 });
    await this.page.mouse.move(end.x, end.y, { steps: 12 });
    await this.page.mouse.up();
  }

  /**
   * Drags a node by its card by (dx, dy) px in several steps (React Flow's first move only
   * starts a drag).
   */
  async dragNode(nodeId: string, dx: number, dy: number): Promise<void> {
    const box = await this.node(nodeId).boundingBox();
    if (!box) throw new Error(`${nodeId} is not on the canvas`);
    const x = box.x + box.width / 2;
    const y = box.y + 12;
    await this.page.mouse.move(x, y);
    await this.page.mouse.down();
    await this.page.mouse.move(x + 5, y + 5, { steps: 2 });
    await this.page.mouse.move(x + dx, y + dy, { steps: 12 });
    await this.page.mouse.up();
  }

  /** Types a value into an inspector field and presses Enter (or picks it from a choice). */
  async setField(key: string, value: string): Promise<void> {
    const input = this.fieldInput(key);
    if ((await input.evaluate((el) => el.tagName)) === 'SELECT') {
      await input.selectOption(value);
      return;
    }
    await input.fill(value);
    await input.press('Enter');
  }

  get availability(): Locator {
    return this.page.getByTestId('metric-availability');
  }
}
