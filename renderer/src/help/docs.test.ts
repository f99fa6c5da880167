// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { HELP_PAGES, headingSlug, renderHelpPage, resolveHelpLink } from './docs';

const STEMS = new Set(HELP_PAGES.map((p) => p.stem));

function renderToDom(markdown: string): HTMLElement {
  const element = document.createElement('article');
  element.innerHTML = renderHelpPage(markdown, STEMS);
  return element;
}

describe('the bundled help', () => {
  it('has the pages a user needs, each with its title', () => {
    expect(HELP_PAGES.map((p) => p.stem)).toEqual(
      expect.arrayContaining(['ui', 'model', 'scenarios', 'plan']),
    );
    for (const page of HELP_PAGES) {
      expect(page.markdown.length, page.stem).toBeGreaterThan(500);
      expect(page.title, page.stem).toBe(/^# (.+)$/m.exec(page.markdown)?.[1]);
    }
  });

  it('renders every page, and every link between pages lands on a heading that exists', () => {
    const rendered = new Map(HELP_PAGES.map((p) => [p.stem, renderToDom(p.markdown)]));
    let checked = 0;
    for (const [stem, element] of rendered) {
      expect(element.querySelector('h1')?.textContent, stem).toBeTruthy();
      expect(element.querySelector('script, img, iframe'), stem).toBeNull();
      for (const link of element.querySelectorAll<HTMLAnchorElement>('a[data-help-anchor]')) {
        const target = rendered.get(link.dataset.helpPage ?? stem);
        const anchor = link.dataset.helpAnchor ?? '';
        const ids = [...(target?.querySelectorAll('[id]') ?? [])].map((e) => e.id);
        expect(ids, `${stem} → #${anchor}`).toContain(anchor);
        checked += 1;
      }
    }
    // model.md → scenarios.md#status-served-share-and-the-timeline, plan.md → #nist-sources.
    expect(checked).toBeGreaterThanOrEqual(2);
  });

  it('keeps links inside the help, opens web pages outside, and leaves other files as text', () => {
    const element = renderToDom(
      [
        '# Page',
        '## Status, served share',
        'See [scenarios](scenarios.md#the-kinds-of-scenario), [below](#status-served-share),',
        '[the web](https://example.org/a), [a source file](../data/README.md) and',
        '[security](security.md).',
      ].join('\n'),
    );
    const [toPage, toAnchor, toWeb] = element.querySelectorAll('a');
    expect(toPage?.dataset.helpPage).toBe('scenarios');
    expect(toPage?.dataset.helpAnchor).toBe('the-kinds-of-scenario');
    expect(toAnchor?.dataset.helpAnchor).toBe('status-served-share');
    expect(element.querySelector('#status-served-share')?.tagName).toBe('H2');
    expect(toWeb?.getAttribute('href')).toBe('https://example.org/a');
    expect(toWeb?.getAttribute('target')).toBe('_blank');
    expect(toWeb?.getAttribute('rel')).toBe('noopener noreferrer');
    expect(element.querySelectorAll('a')).toHaveLength(3);
    const unlinked = [...element.querySelectorAll('.help-doc__unlinked')].map((e) => e.textContent);
    expect(unlinked).toEqual(['a source file', 'security']);
  });

  it('shows raw HTML as text and never as markup', () => {
    const element = renderToDom(
      '# Page\n\n<script>alert(1)</script>\n\nText <img src=x onerror=alert(1)> and <b>bold</b>.\n\n[x](javascript:alert(1))',
    );
    expect(element.querySelector('script, img, b')).toBeNull();
    expect(element.textContent).toContain('<script>alert(1)</script>');
    expect(element.textContent).toContain('<img src=x onerror=alert(1)>');
    expect(element.querySelector('a')).toBeNull();
  });

  it("makes GitHub's heading anchors, numbered when a heading repeats", () => {
    expect(headingSlug('1. Hostile files')).toBe('1-hostile-files');
    expect(headingSlug('Status, served share and the timeline')).toBe(
      'status-served-share-and-the-timeline',
    );
    const element = renderToDom('# A\n## Notes\n## Notes');
    expect([...element.querySelectorAll('h2')].map((h) => h.id)).toEqual(['notes', 'notes-1']);
  });

  it('sorts links out', () => {
    expect(resolveHelpLink('model.md', STEMS)).toEqual({
      kind: 'page',
      stem: 'model',
      anchor: null,
    });
    expect(resolveHelpLink('./plan.md#nist-sources', STEMS)).toEqual({
      kind: 'page',
      stem: 'plan',
      anchor: 'nist-sources',
    });
    expect(resolveHelpLink('http://example.org', STEMS)).toEqual({ kind: 'none' });
    expect(resolveHelpLink('architecture.md', STEMS)).toEqual({ kind: 'none' });
  });
});
