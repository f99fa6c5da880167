import { useReactFlow } from '@xyflow/react';
import { ChevronDown, ChevronUp, Search, X } from 'lucide-react';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { displayName } from '../canvas/describe';
import { KIND_META } from '../canvas/kind-meta';
import { nodeElement } from '../canvas/useKeyboardMenus';
import { usePlanner, usePlannerStore } from '../store/context';
import { selectActiveVariant } from '../store/selectors';
import { findNodes } from './find-nodes';
import './search.css';
import { viewDuration } from '../platform/motion';

/** Matches listed under the box; the count says how many there are in all. */
const MAX_LISTED = 8;
/** The zoom the canvas goes to around a found node (never closer). */
const FOUND_MAX_ZOOM = 1.25;

/**
 * Find a node (Ctrl/Cmd+F, or Edit → Find Node): a box over the canvas that lists the nodes of
 * the variant whose name or id contains what is typed. The arrow keys move through the matches,
 * Enter (or a click) zooms the canvas to the chosen one and selects it, Escape closes the box
 * and puts the focus on the selected node (else back where it was).
 */
export function NodeSearch() {
  const isOpen = usePlanner((s) => s.isNodeSearchOpen);
  const openCount = usePlanner((s) => s.openCount);
  if (!isOpen) return null;
  return <SearchBox key={openCount} />;
}

function SearchBox() {
  const store = usePlannerStore();
  const variant = usePlanner(selectActiveVariant);
  const closeSearch = usePlanner((s) => s.closeNodeSearch);
  // What had the focus before the box took it: it gets it back when nothing was found.
  const [opener] = useState(() => document.activeElement);
  /** Closes the box, the focus on the selected node (the one found), else back on the opener. */
  const close = () => {
    const [selected] = store.getState().selectedNodeIds;
    const canvas = document.querySelector<HTMLElement>('[data-testid="canvas"]');
    const node = selected === undefined ? null : nodeElement(canvas, selected);
    if (node) node.focus();
    else if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
    closeSearch();
  };
  const { fitView } = useReactFlow();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const matches = useMemo(() => (variant ? findNodes(variant, query) : []), [variant, query]);
  const at = matches.length === 0 ? -1 : Math.min(active, matches.length - 1);
  // Ctrl+F again (the store says "open" again) takes the focus back to the box.
  const focusToken = usePlanner((s) => s.nodeSearchFocus);
  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, [focusToken]);

  const go = (index: number) => {
    const match = matches[index];
    if (!match) return;
    setActive(index);
    store.getState().selectNode(match.node.id);
    void fitView({
      nodes: [{ id: match.node.id }],
      maxZoom: FOUND_MAX_ZOOM,
      padding: 0.3,
      duration: viewDuration(250),
    });
  };
  const move = (step: number) => {
    if (matches.length === 0) return;
    setActive((at + step + matches.length) % matches.length);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      move(event.key === 'ArrowDown' ? 1 : -1);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      go(at);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      close();
    }
  };
  const first = Math.max(0, Math.min(at - MAX_LISTED + 1, matches.length - MAX_LISTED));
  const listed = matches.slice(first, first + MAX_LISTED);
  const optionId = (index: number) => `node-search-option-${index}`;
  return (
    <div className="node-search" role="search" data-testid="node-search">
      <div className="node-search__bar">
        <Search size={14} aria-hidden className="node-search__icon" />
        <input
          ref={input}
          className="node-search__input"
          type="text"
          role="combobox"
          aria-label="Find a node by name or id"
          aria-expanded={matches.length > 0}
          aria-controls="node-search-results"
          aria-activedescendant={at >= 0 ? optionId(at) : undefined}
          aria-autocomplete="list"
          placeholder="Find a node by name or id"
          value={query}
          spellCheck={false}
          onChange={(event) => {
            setQuery(event.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
        />
        <span className="node-search__count num" aria-live="polite" data-testid="node-search-count">
          {query.trim() === ''
            ? ''
            : matches.length === 0
              ? 'none'
              : `${at + 1} of ${matches.length}`}
        </span>
        <button
          type="button"
          className="icon-button"
          aria-label="Previous match"
          disabled={matches.length < 2}
          onClick={() => move(-1)}
        >
          <ChevronUp size={14} aria-hidden />
        </button>
        <button
          type="button"
          className="icon-button"
          aria-label="Next match"
          disabled={matches.length < 2}
          onClick={() => move(1)}
        >
          <ChevronDown size={14} aria-hidden />
        </button>
        <button
          type="button"
          className="icon-button"
          aria-label="Close the search"
          onClick={() => close()}
        >
          <X size={14} aria-hidden />
        </button>
      </div>
      {listed.length > 0 && (
        <ul className="node-search__results" id="node-search-results" role="listbox">
          {listed.map(({ node }, i) => {
            const index = first + i;
            const Icon = KIND_META[node.kind].icon;
            return (
              <li
                key={node.id}
                id={optionId(index)}
                role="option"
                aria-selected={index === at}
                className="node-search__result"
                data-testid={`node-search-result-${node.id}`}
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => go(index)}
              >
                <Icon size={13} aria-hidden className="node-search__kind" />
                <span className="node-search__name">{displayName(node)}</span>
                <span className="node-search__id">
                  {KIND_META[node.kind].label} · {node.id}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
