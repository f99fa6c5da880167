/** What a person sees and does in the planner window, for the end-to-end specs. */
import { expect, type Locator, type Page } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import type { NinesDocument } from '../../shared/model/types';
import { serializeDocument } from '../../shared/schema/serialize';

export class PlannerPage {
  /** Uncaught exceptions and console errors seen since the page module was created. */
  readonly errors: string[] = [];

  constructor(readonly page: Page) {
    page.on('pageerror', (error) => this.errors.push(`uncaught: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') this.errors.push(`console: ${message.text()}`);
    });
  }

  /** Makes the web host fall back to `<input type=file>` and downloads, which tests can drive. */
  async useClassicFileDialogs(): Promise<void> {
    await this.page.addInitScript(() => {
      for (const name of ['showOpenFilePicker', 'showSaveFilePicker']) {
        Object.defineProperty(window, name, { value: undefined, configurable: true });
      }
    });
  }

  async openTemplate(stem: string): Promise<void> {
    await this.page.goto(`./?template=${encodeURIComponent(stem)}`);
    await expect(this.canvas).toBeVisible();
    await this.waitForFittedView();
  }

  /**
   * Waits until React Flow has measured every node and the view has stopped moving. The view
   * of an opened document is fitted a frame or more after its nodes first appear (later still
   * on a loaded machine), so geometry read before then is of the unfitted first paint.
   */
  async waitForFittedView(): Promise<void> {
    await expect(this.canvas.locator('.react-flow__node').first()).toBeVisible();
    await this.page.waitForFunction(
      () =>
        new Promise<boolean>((resolve) => {
          const transformNow = () =>
            document.querySelector<HTMLElement>('.react-flow__viewport')?.style.transform ?? '';
          const first = transformNow();
          let frames = 0;
          const step = () => {
            if (transformNow() !== first) return resolve(false);
            if (++frames === 5) {
              const hidden = [...document.querySelectorAll<HTMLElement>('.react-flow__node')].some(
                (node) => getComputedStyle(node).visibility === 'hidden',
              );
              return resolve(!hidden && first !== '');
            }
            requestAnimationFrame(step);
          };
          requestAnimationFrame(step);
        }),
    );
  }

  async openStart(): Promise<void> {
    await this.page.goto('./');
    await expect(this.gallery).toBeVisible();
  }

  /** Chooses `path` in the Open dialog. */
  /**
   * Writes `doc` to `path` and opens it from the start screen with the classic file dialogs
   * (for designs built in the test, such as the large generated ones).
   */
  async openDocument(doc: NinesDocument, path: string): Promise<void> {
    writeFileSync(path, serializeDocument(doc));
    await this.useClassicFileDialogs();
    await this.openStart();
    await this.openFile(path);
  }

  async openFile(path: string): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByRole('button', { name: 'Open', exact: true }).click();
    await (await chooser).setFiles(path);
  }

  get canvas(): Locator {
    return this.page.getByTestId('canvas');
  }

  get gallery(): Locator {
    return this.page.getByTestId('template-gallery');
  }

  get inspector(): Locator {
    return this.page.getByTestId('inspector');
  }

  get problemsDialog(): Locator {
    return this.page.getByTestId('problems-dialog');
  }

  get documentName(): Locator {
    return this.page.getByTestId('document-name');
  }

  /**
   * Waits until the save under way is over: the toolbar names `fileName` without "not saved".
   * The name alone does not say so: a document that was never saved shows the name it will be
   * saved under, and the host lists the file among the recent files before it answers.
   */
  async expectSavedAs(fileName: string): Promise<void> {
    const file = this.page.locator('.toolbar__doc-file');
    await expect(file).toContainText(fileName);
    await expect(file).not.toContainText('not saved');
  }

  /**
   * Answers the next file chooser with `path`, from now on. Playwright intercepts file choosers
   * only once a listener exists, and turning it on is not awaited: a chooser opened by a key
   * pressed right after `waitForEvent('filechooser')` can beat it on a busy machine and never
   * reach the test. A listener installed well before the key is pressed cannot.
   */
  answerFileChooserWith(path: string): void {
    this.page.once('filechooser', (chooser) => void chooser.setFiles(path));
  }

  /** Every rendered canvas node of one kind (React Flow's `react-flow__node-<type>` class). */
  nodesOfKind(kind: string): Locator {
    return this.canvas.locator(`.react-flow__node-${kind}`);
  }

  node(id: string): Locator {
    return this.canvas.locator(`.react-flow__node[data-id="${id}"]`);
  }

  get edges(): Locator {
    return this.canvas.locator('.react-flow__edge');
  }

  variantTab(id: string): Locator {
    return this.page.getByTestId(`variant-tab-${id}`);
  }

  /** The button that lists the variants whose tabs do not fit the toolbar. */
  get variantOverflow(): Locator {
    return this.page.getByTestId('variant-overflow');
  }

  /** Shows a variant: by its tab, or from the overflow menu when its tab does not fit. */
  async showVariant(id: string): Promise<void> {
    const tab = this.variantTab(id);
    if (await tab.isVisible()) {
      await tab.click();
    } else {
      await this.variantOverflow.click();
      await this.page.getByTestId(`variant-menu-${id}`).click();
    }
    await expect(tab).toHaveAttribute('aria-selected', 'true');
  }

  /** How many variants the window offers: the tabs shown and those in the overflow menu. */
  async variantCount(): Promise<number> {
    const tabs = await this.page.getByRole('tab').count();
    if (!(await this.variantOverflow.isVisible())) return tabs;
    const label = (await this.variantOverflow.getAttribute('aria-label')) ?? '';
    return tabs + Number(/^(\d+) more/.exec(label)?.[1] ?? NaN);
  }

  /** The inspector row of one field: its label and its shown value. */
  field(key: string): Locator {
    return this.inspector.locator(`[data-field="${key}"]`);
  }

  /** The input (or choice) of one inspector field. */
  fieldInput(key: string): Locator {
    return this.field(key).locator('input, select');
  }
}
