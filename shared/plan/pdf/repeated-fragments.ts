/**
 * Running headers and footers laid out once per distinct content. pdfmake (0.3.11,
 * `LayoutBuilder.addDynamicRepeatable` in `js/LayoutBuilder.js`) calls the definition's header
 * and footer functions for every page and preprocesses, measures and lays out what they return
 * in an unbreakable block of the page's margin, then copies that block's lines onto the page
 * (`ElementWriter.addFragment`, which clones each line and offsets it). The plan's header is
 * the same on every page of one orientation, so 60-odd pages lay out the same two columns again.
 *
 * The replacement is pdfmake's loop, with the laid-out block kept under a key made of the node
 * (as JSON, before pdfmake changes it) and the block's size: a page whose header or footer has
 * the same key gets the kept block copied onto it by the same `addFragment`, so its lines are
 * clones of the same lines at the same offsets as pdfmake's would be. A node that JSON cannot
 * say in full (one holding a function), or a block that is not lines and vectors only, or not
 * one page, is laid out each time as pdfmake does.
 */

/** A laid-out line (pdfmake's `Line`): the fields that tie it to a node or a page. */
interface LaidOutLine {
  _node?: unknown;
  _outline?: unknown;
  _pageNodeRef?: unknown;
  id?: unknown;
  inlines?: { _pageNodeRef?: unknown }[];
}

/** The block pdfmake lays a header or footer out in: one page of items. */
interface Fragment {
  items: { type: string; item: LaidOutLine }[];
  xOffset?: number;
  yOffset?: number;
  height?: number;
}

/** A page of pdfmake's document context. */
interface ContextPage {
  pageSize: object;
  pageMargins: object;
  customProperties: Record<string, unknown>;
}

/** pdfmake's `DocumentContext`, the part read here. */
interface DocumentContext {
  page: number;
  pages: Fragment[] & ContextPage[];
  y: number;
  getCurrentPage(): ContextPage;
}

/** pdfmake's `PageElementWriter`, the part used here. */
interface PageElementWriter {
  context(): DocumentContext;
  beginUnbreakableBlock(width: number, height: number): void;
  commitUnbreakableBlock(x: number, y: number): void;
}

type NodeGetter = (page: number, count: number, pageSize: object) => unknown;
type SizeFunction = (
  pageSize: object,
  pageMargins: object,
) => { x: number; y: number; width: number; height: number };

/** pdfmake's `LayoutBuilder`, the part used here. */
interface LayoutBuilder {
  writer: PageElementWriter;
  docPreprocessor: { preprocessBlock(node: unknown): unknown };
  docMeasure: { measureBlock(node: unknown): unknown };
  processNode(node: unknown): void;
  addDynamicRepeatable(
    getter: NodeGetter | null | undefined,
    sizes: SizeFunction,
    property: string,
  ): void;
}

/** `ElementWriter.prototype.addFragment`: a block's items copied onto the current page. */
type AddFragment = (
  this: PageElementWriter,
  block: Fragment,
  useBlockXOffset: boolean,
  useBlockYOffset: boolean,
  dontUpdateContextPosition: boolean,
) => boolean;

/** `node` as JSON, or undefined when JSON would leave part of it out (a function). */
function plainKey(node: unknown): string | undefined {
  let plain = true;
  const json = JSON.stringify(node, (_key, value: unknown) => {
    if (typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint') {
      plain = false;
    }
    return value;
  });
  return plain ? json : undefined;
}

/**
 * Whether a laid-out block can be copied onto other pages: lines and vectors only, no line tied
 * to a node, an outline entry, an id or a page number (pdfmake sets those per page).
 */
function reusable(fragment: Fragment): boolean {
  return fragment.items.every(
    ({ type, item }) =>
      type === 'vector' ||
      (type === 'line' &&
        item._node === undefined &&
        item._outline === undefined &&
        item._pageNodeRef === undefined &&
        item.id === undefined &&
        (item.inlines ?? []).every((inline) => inline._pageNodeRef === undefined)),
  );
}

const INSTALLED = Symbol.for('nines.repeatedFragments');

/**
 * Makes pdfmake's `LayoutBuilder.addDynamicRepeatable` (its prototype, `pdfmake/js/LayoutBuilder`)
 * lay out each distinct header or footer once per size and copy it onto the other pages with
 * `addFragment` (`ElementWriter.prototype.addFragment`, `pdfmake/js/ElementWriter`), the copy
 * pdfmake's own `commitUnbreakableBlock` makes. Installing twice does nothing.
 */
export function installRepeatedFragments(
  LayoutBuilder: { prototype: object },
  ElementWriter: { prototype: object },
): void {
  const proto = LayoutBuilder.prototype as LayoutBuilder & { [INSTALLED]?: true };
  if (proto[INSTALLED]) return;
  const { addFragment } = ElementWriter.prototype as { addFragment: AddFragment };
  proto.addDynamicRepeatable = function addDynamicRepeatable(nodeGetter, sizeFunction, property) {
    const context = () => this.writer.context();
    const laidOut = new Map<string, Fragment>();
    const pages = context().pages;
    for (let pageIndex = 0, l = pages.length; pageIndex < l; pageIndex += 1) {
      context().page = pageIndex;
      const custom = context().getCurrentPage().customProperties;
      let getter = nodeGetter;
      if (custom[property] || custom[property] === null) getter = custom[property] as NodeGetter;
      if (getter === undefined || getter === null) continue;
      let node = getter(pageIndex + 1, l, (context().pages[pageIndex] as ContextPage).pageSize);
      if (!node) continue;
      const page = context().getCurrentPage();
      const sizes = sizeFunction(page.pageSize, page.pageMargins);
      const json = plainKey(node);
      const key = json === undefined ? undefined : `${sizes.width} ${sizes.height} ${json}`;
      const kept = key === undefined ? undefined : laidOut.get(key);
      if (kept) {
        kept.xOffset = sizes.x;
        kept.yOffset = sizes.y;
        addFragment.call(this.writer, kept, true, true, true);
        continue;
      }
      this.writer.beginUnbreakableBlock(sizes.width, sizes.height);
      node = this.docPreprocessor.preprocessBlock(node);
      this.processNode(this.docMeasure.measureBlock(node));
      const block = context();
      this.writer.commitUnbreakableBlock(sizes.x, sizes.y);
      const fragment = block.pages[0];
      if (key !== undefined && block.pages.length === 1 && fragment && reusable(fragment)) {
        laidOut.set(key, fragment);
      }
    }
  };
  proto[INSTALLED] = true;
}
