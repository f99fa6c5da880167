import { BookOpen, X } from 'lucide-react';
import { useEffect, useMemo, useRef, type MouseEvent } from 'react';
import { useModalDialog } from '../panels/useModalDialog';
import { usePlanner } from '../store/context';
import { HELP_PAGES, renderHelpPage } from './docs';
import './help.css';

const STEMS: ReadonlySet<string> = new Set(HELP_PAGES.map((p) => p.stem));

/**
 * The bundled help (Help → Documentation): the list of pages and the open page, rendered from
 * the docs built into the app, so it needs no network. Links between pages and to a page's
 * headings stay in the viewer; `https:` links open in the browser. Escape or Close closes it.
 */
export function HelpDocs() {
  const stem = usePlanner((s) => s.helpPage);
  const setHelpPage = usePlanner((s) => s.setHelpPage);
  const isOpen = stem !== null;
  const dialog = useModalDialog(isOpen);
  const article = useRef<HTMLElement>(null);
  const page = HELP_PAGES.find((p) => p.stem === stem) ?? HELP_PAGES[0];
  const html = useMemo(() => (page ? renderHelpPage(page.markdown, STEMS) : ''), [page]);
  // A new page starts at its top.
  useEffect(() => {
    article.current?.scrollTo({ top: 0 });
  }, [html]);
  if (!isOpen || !page) return null;

  const scrollToAnchor = (anchor: string) => {
    article.current?.querySelector(`[id="${CSS.escape(anchor)}"]`)?.scrollIntoView();
  };
  const onClick = (event: MouseEvent<HTMLElement>) => {
    const link = event.target instanceof Element ? event.target.closest('a') : null;
    if (!link) return;
    const target = link.dataset.helpPage;
    const anchor = link.dataset.helpAnchor;
    if (target === undefined && anchor === undefined) return; // a web link: the browser opens it
    event.preventDefault();
    if (target !== undefined && target !== page.stem) {
      setHelpPage(target);
      if (anchor) requestAnimationFrame(() => scrollToAnchor(anchor));
    } else if (anchor) {
      scrollToAnchor(anchor);
    }
  };
  return (
    <dialog
      ref={dialog}
      className="dialog help-docs"
      data-testid="help-docs"
      aria-labelledby="help-docs-title"
      onClose={() => setHelpPage(null)}
    >
      <div className="dialog__header">
        <BookOpen size={18} aria-hidden />
        <h2 id="help-docs-title">Help</h2>
        <button
          type="button"
          className="icon-button help-docs__close"
          aria-label="Close"
          onClick={() => dialog.current?.close()}
        >
          <X size={16} aria-hidden />
        </button>
      </div>
      <div className="help-docs__body">
        <nav className="help-docs__nav" aria-label="Help pages">
          {HELP_PAGES.map((p) => (
            <button
              key={p.stem}
              type="button"
              className="help-docs__page"
              aria-current={p.stem === page.stem ? 'page' : undefined}
              title={p.title}
              onClick={() => setHelpPage(p.stem)}
            >
              {p.label}
            </button>
          ))}
        </nav>
        <article
          ref={article}
          className="help-doc"
          data-testid="help-doc"
          data-page={page.stem}
          onClick={onClick}
          // The HTML is marked's rendering of a file bundled at build time, raw HTML escaped.
          dangerouslySetInnerHTML={{ __html: html }}
        />
      </div>
    </dialog>
  );
}
