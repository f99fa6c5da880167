import { createRequire } from 'node:module';
import { afterAll, describe, expect, it } from 'vitest';
import { renderSwapped, templateSamplePlans } from '../../testing/pdf-render';
import { installInlineMerging } from './merge-inlines';
import { toPdfDefinition, type PdfDefinition } from './pdf-definition';
import { installPlainLineWriting, type LineClasses } from './plain-lines';

const require = createRequire(import.meta.url);
type RenderLine = (...args: unknown[]) => void;
const pdfmakeClass = <T>(file: string) => (require(`pdfmake/js/${file}`) as { default: T }).default;
const classes: LineClasses = {
  TextDecorator: pdfmakeClass<LineClasses['TextDecorator']>('TextDecorator'),
  TextInlines: pdfmakeClass<LineClasses['TextInlines']>('TextInlines'),
};
const renderer = (
  require('pdfmake/js/Renderer') as { default: { prototype: { renderLine: RenderLine } } }
).default.prototype;
// pdfmake's own pdfkit, whose text() every line goes through without the plain line writing.
const pdfkit = createRequire(require.resolve('pdfmake'))('pdfkit') as {
  prototype: { text: (...args: unknown[]) => unknown };
};

// As the CLI installs them: the merging first, then the plain line writing over it.
installInlineMerging(renderer);
const merging = renderer.renderLine;
installPlainLineWriting(renderer, classes);
const writing = renderer.renderLine;
afterAll(() => {
  renderer.renderLine = writing;
});

/** The PDF of `definition()` drawn with `renderLine`, and how many of its lines pdfkit's `text()` drew. */
const render = (definition: () => PdfDefinition, renderLine: RenderLine) =>
  renderSwapped(
    definition,
    { target: renderer, method: 'renderLine', with: renderLine },
    { target: pdfkit.prototype, method: 'text' },
  );

const plans = templateSamplePlans();

describe('installPlainLineWriting', () => {
  it("writes the PDF of every template's plan byte for byte as pdfkit does", async () => {
    expect(plans.length).toBeGreaterThanOrEqual(6);
    for (const { name, plan } of plans) {
      const definition = () => toPdfDefinition(plan);
      const before = await render(definition, merging);
      const after = await render(definition, writing);
      expect(after.bytes.equals(before.bytes), name).toBe(true);
      // Nearly every line is written here: pdfkit writes the first (registering its opacity)
      // and the few with character spacing.
      expect(after.calls, name).toBeLessThan(10);
      expect(before.calls, name).toBeGreaterThan(100);
    }
  }, 300_000);

  it('writes lines of every kind byte for byte as pdfkit does, leaving it what it must draw', async () => {
    const words = 'AVATAR Type WAVE, office fiddle: ffi; “quoted” — dash… 1/2 ½';
    const definition = () =>
      ({
        info: { title: 't', creationDate: new Date(0), modDate: new Date(0) },
        content: [
          { text: 'Heading', style: 'h', tocItem: true, id: 'top', outline: true },
          {
            text: 'Sub-heading',
            outline: true,
            id: 'sub',
            outlineParentId: 'top',
            outlineText: 'Sub',
          },
          { toc: { title: { text: 'Contents' } } },
          { text: words },
          {
            text: [
              'plain ',
              { text: 'bold', bold: true },
              ' and ',
              { text: 'italic', italics: true },
              ' end',
            ],
          },
          {
            text: [
              { text: 'red ', color: 'red' },
              { text: 'short ', color: '#a3c' },
              { text: 'array ', color: [10, 20, 30] },
              { text: 'invalid ', color: 'nocolour' },
              { text: 'half ', opacity: 0.5 },
              { text: 'faint ', opacity: 0.25, color: '#1f2933' },
              { text: 'link ', link: 'https://example.org' },
              { text: 'inner ', linkToDestination: 'top' },
              { text: 'page ', linkToPage: 1 },
              { text: 'sup', sup: true },
              { text: 'sub ', sub: true },
              { text: 'spaced ', characterSpacing: 1.5 },
              { text: 'under ', decoration: 'underline' },
              { text: 'marked ', background: '#eef4fb' },
              { text: '', color: 'blue' },
              { text: 'ref ', pageReference: 'top' },
              { text: 'tab\tbed ' },
            ],
          },
          { text: 'Ωμέγα ñ e\u0301 € 日本 Ǆ ﬁ', fontSize: 13 },
          { text: words, alignment: 'justify', fontSize: 7.25 },
          { text: words, alignment: 'right', lineHeight: 1.6 },
          { text: words, alignment: 'center', color: 'gray' },
          { table: { body: [[{ text: 'cell', fillColor: '#eeeeee' }, 'another cell']] } },
          { ul: ['one', 'two'] },
          { text: 'second page', pageBreak: 'before', id: 'later', style: 'h', outline: true },
        ],
        styles: { h: { fontSize: 16, bold: true } },
      }) as unknown as PdfDefinition;
    const before = await render(definition, merging);
    const after = await render(definition, writing);
    expect(after.bytes.equals(before.bytes)).toBe(true);
    expect(after.calls).toBeGreaterThan(0);
    expect(after.calls).toBeLessThan(before.calls);
  }, 60_000);
});
