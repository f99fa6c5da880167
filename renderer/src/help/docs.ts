/**
 * The help bundled with the app: the pages of the repository's `docs/` a user needs, read at
 * build time (nothing is fetched, so Help works offline) and turned into HTML by `marked`. Only
 * these bundled files are ever rendered, and any raw HTML in them is shown as text, not
 * interpreted: the page's HTML is marked's own, with links rewritten to stay inside the help.
 */
import { Marked, type Tokens } from 'marked';
import advisor from '../../../docs/advisor.md?raw';
import availability from '../../../docs/availability.md?raw';
import cost from '../../../docs/cost.md?raw';
import dataSafety from '../../../docs/data-safety.md?raw';
import model from '../../../docs/model.md?raw';
import plan from '../../../docs/plan.md?raw';
import scenarios from '../../../docs/scenarios.md?raw';
import ui from '../../../docs/ui.md?raw';

/** A page of the bundled help. */
export interface HelpPage {
  /** The file's stem: `ui` for docs/ui.md. */
  readonly stem: string;
  /** A short name for the list of pages: `Scenarios`. */
  readonly label: string;
  /** The page's first `# ` heading. */
  readonly title: string;
  readonly markdown: string;
}

/** The page's title: its first level-one heading, else its stem. */
export function pageTitle(stem: string, markdown: string): string {
  return /^# (.+)$/m.exec(markdown)?.[1]?.trim() ?? stem;
}

function page(stem: string, label: string, markdown: string): HelpPage {
  return { stem, label, title: pageTitle(stem, markdown), markdown };
}

/** The bundled pages in the order Help lists them: the window first, then the model and figures. */
export const HELP_PAGES: readonly HelpPage[] = [
  page('ui', 'The window', ui),
  page('model', 'The model', model),
  page('scenarios', 'Scenarios, RTO and RPO', scenarios),
  page('availability', 'Availability', availability),
  page('cost', 'Cost', cost),
  page('advisor', 'The design advisor', advisor),
  page('plan', 'The contingency plan', plan),
  page('data-safety', 'Your work is safe', dataSafety),
];

/** The page Help opens on. */
export const FIRST_HELP_PAGE = 'ui';

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/** A heading's anchor as GitHub makes it: `## 1. Hostile files` → `1-hostile-files`. */
export function headingSlug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, '')
    .replace(/ /g, '-');
}

/** Where a link of a page leads, once inside the help. */
export type HelpLink =
  | { readonly kind: 'page'; readonly stem: string; readonly anchor: string | null }
  | { readonly kind: 'anchor'; readonly anchor: string }
  | { readonly kind: 'external'; readonly href: string }
  /** A file that is not bundled (a source file, a developer's page): shown as plain text. */
  | { readonly kind: 'none' };

/** Sorts a link's `href` out: a bundled page, an anchor of this page, a web page, or none. */
export function resolveHelpLink(href: string, stems: ReadonlySet<string>): HelpLink {
  if (href.startsWith('#')) return { kind: 'anchor', anchor: href.slice(1) };
  if (/^https:\/\//i.test(href)) return { kind: 'external', href };
  const match = /^(?:\.\/)?([\w-]+)\.md(?:#(.*))?$/.exec(href);
  const stem = match?.[1];
  if (stem !== undefined && stems.has(stem)) {
    return { kind: 'page', stem, anchor: match?.[2] ?? null };
  }
  return { kind: 'none' };
}

/**
 * `markdown` as HTML for the help viewer: GitHub-flavoured (tables), headings with GitHub's
 * anchors, links to other bundled pages as `data-help-page` (and `data-help-anchor`) for the
 * viewer to follow, `https:` links opening outside the app, other links and images as their text,
 * and raw HTML escaped.
 */
export function renderHelpPage(markdown: string, stems: ReadonlySet<string>): string {
  const seen = new Map<string, number>();
  const marked = new Marked({ gfm: true, async: false });
  marked.use({
    renderer: {
      html({ text }: Tokens.HTML | Tokens.Tag) {
        return escapeHtml(text);
      },
      heading({ tokens, depth, text }: Tokens.Heading) {
        const base = headingSlug(text.replace(/[`*_]/g, ''));
        const count = seen.get(base) ?? 0;
        seen.set(base, count + 1);
        const id = count === 0 ? base : `${base}-${count}`;
        return `<h${depth} id="${escapeHtml(id)}">${this.parser.parseInline(tokens)}</h${depth}>\n`;
      },
      link({ href, tokens }: Tokens.Link) {
        const inner = this.parser.parseInline(tokens);
        const link = resolveHelpLink(href, stems);
        switch (link.kind) {
          case 'page':
            return `<a href="#" data-help-page="${escapeHtml(link.stem)}"${
              link.anchor ? ` data-help-anchor="${escapeHtml(link.anchor)}"` : ''
            }>${inner}</a>`;
          case 'anchor':
            return `<a href="#" data-help-anchor="${escapeHtml(link.anchor)}">${inner}</a>`;
          case 'external':
            return `<a href="${escapeHtml(link.href)}" target="_blank" rel="noopener noreferrer">${inner}</a>`;
          case 'none':
            return `<span class="help-doc__unlinked" title="${escapeHtml(href)}: not part of the bundled help">${inner}</span>`;
        }
      },
      image({ text }: Tokens.Image) {
        return `<span class="help-doc__image">[${escapeHtml(text)}]</span>`;
      },
    },
  });
  return marked.parse(markdown) as string;
}
