import { ChevronDown, Copy, X } from 'lucide-react';
import { useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { deleteVariant, duplicateVariant, renameVariant } from '../../../shared/model/ops/variants';
import { usePlanner, usePlannerStore } from '../store/context';
import { PopoverMenu } from './PopoverMenu';
import { visibleTabs } from './tab-overflow';

/**
 * The most room the tabs ask of the toolbar before the document's name gives way, px: the
 * widest active tab, another shrunk to TAB_SHRINK_PX and the overflow button. Fewer or narrower
 * tabs ask only what they need.
 */
const ROOM_WANTED_MAX_PX = 340;
/** The narrowest an inactive tab is drawn beside others, its name cut, px. */
const TAB_SHRINK_PX = 96;
/** Room kept for the overflow button ("+3"), px. */
const OVERFLOW_BUTTON_PX = 52;
/** The strip's padding, left and right together, px (`.variant-tabs__strip`). */
const STRIP_PADDING_PX = 6;
/** Room of the active tab's delete button beside it, px. */
const CLOSE_BUTTON_PX = 16;

/**
 * The variants as tabs: click to switch, double-click (or F2 on the focused tab) to rename, the copy button duplicates the
 * active variant, the cross deletes it (the last one stays). Each change is one undo step. The
 * tabs that do not fit the toolbar go to an overflow menu; the active tab is always shown, and a
 * long name is cut with an ellipsis, whole in its tooltip.
 */
export function VariantTabs() {
  const store = usePlannerStore();
  const document = usePlanner((s) => s.document);
  const activeVariantId = usePlanner((s) => s.activeVariantId);
  const [renaming, setRenaming] = useState<string | null>(null);
  const strip = useRef<HTMLDivElement>(null);
  const measure = useRef<HTMLDivElement>(null);
  const [fit, setFit] = useState<{ available: number; widths: readonly number[] }>({
    available: Number.POSITIVE_INFINITY,
    widths: [],
  });
  const variants = document?.variants ?? [];
  const names = variants.map((v) => v.name).join('\n');

  // The width each tab needs (measured off-screen, as if active) and the strip's width.
  useLayoutEffect(() => {
    const element = strip.current;
    if (!element) return undefined;
    const update = () => {
      const widths = [...(measure.current?.children ?? [])].map(
        (tab) => (tab as HTMLElement).offsetWidth + 2,
      );
      setFit({ available: element.clientWidth - STRIP_PADDING_PX, widths });
    };
    update();
    const observer = new ResizeObserver(update);
    observer.observe(element);
    return () => observer.disconnect();
  }, [names]);

  if (!document) return null;
  const duplicate = () => {
    if (!activeVariantId) return;
    let id: string | null = null;
    store.getState().commit('Duplicate the variant', (doc) => {
      const copy = duplicateVariant(doc, activeVariantId);
      id = copy.variantId;
      return copy.document;
    });
    if (id !== null) store.getState().setActiveVariant(id);
  };
  const remove = (variantId: string) => {
    store.getState().commitEdit('Delete the variant', (doc) => deleteVariant(doc, variantId));
    const { document: now } = store.getState();
    if (now && !now.variants.some((v) => v.id === store.getState().activeVariantId)) {
      store.getState().setActiveVariant(now.variants[0]?.id ?? '');
    }
  };
  const finishRename = (variantId: string, name: string) => {
    store.getState().commitEdit('Rename the variant', (doc) => renameVariant(doc, variantId, name));
    setRenaming(null);
  };
  // Enter or Escape in the name field give the focus back to the tab (a click elsewhere keeps it
  // where it went).
  const focusTab = (variantId: string) =>
    requestAnimationFrame(() =>
      strip.current
        ?.querySelector<HTMLElement>(`[data-testid="variant-tab-${CSS.escape(variantId)}"]`)
        ?.focus(),
    );
  const onRenameKey = (event: KeyboardEvent<HTMLInputElement>, variantId: string) => {
    if (event.key === 'Enter') finishRename(variantId, event.currentTarget.value);
    if (event.key === 'Escape') setRenaming(null);
    if (event.key === 'Enter' || event.key === 'Escape') focusTab(variantId);
  };
  const canDelete = variants.length > 1;
  const activeIndex = variants.findIndex((v) => v.id === activeVariantId);
  const widths = variants.map(
    (_, i) => (fit.widths[i] ?? 0) + (i === activeIndex && canDelete ? CLOSE_BUTTON_PX : 0),
  );
  const shown = new Set(
    fit.widths.length === variants.length
      ? visibleTabs(widths, activeIndex, fit.available, OVERFLOW_BUTTON_PX, TAB_SHRINK_PX)
      : variants.map((_, i) => i),
  );
  const rest = variants.filter((_, i) => !shown.has(i));
  const wanted = widths.reduce((sum, w) => sum + w, STRIP_PADDING_PX);
  return (
    <div className="variant-tabs">
      <div
        ref={strip}
        className="variant-tabs__room"
        style={{ minWidth: Math.min(wanted, ROOM_WANTED_MAX_PX) }}
      >
        <div className="variant-tabs__strip">
          {/* A tablist holds only tabs: while a name is edited in place, the strip is a plain
              group of buttons beside the name field, and a tablist again once it is done. */}
          <div
            className="variant-tabs__list"
            role={renaming === null ? 'tablist' : 'group'}
            aria-label="Variants"
          >
            {variants.map((v, i) => {
              if (!shown.has(i)) return null;
              const isActive = v.id === activeVariantId;
              if (renaming === v.id) {
                return (
                  <input
                    key={v.id}
                    className="variant-tab variant-tab__rename"
                    defaultValue={v.name}
                    aria-label="Variant name"
                    autoFocus
                    onBlur={(event) => finishRename(v.id, event.currentTarget.value)}
                    onKeyDown={(event) => onRenameKey(event, v.id)}
                  />
                );
              }
              return (
                <span key={v.id} className="variant-tab__wrap">
                  <button
                    type="button"
                    role={renaming === null ? 'tab' : undefined}
                    className="variant-tab"
                    aria-selected={renaming === null ? isActive : undefined}
                    aria-current={renaming !== null && isActive ? 'true' : undefined}
                    data-testid={`variant-tab-${v.id}`}
                    title={`${v.name}${v.description ? ` — ${v.description}` : ''} (double-click or F2 to rename)`}
                    onClick={() => store.getState().setActiveVariant(v.id)}
                    onDoubleClick={() => setRenaming(v.id)}
                    aria-keyshortcuts={isActive && canDelete ? 'F2 Delete' : 'F2'}
                    onKeyDown={(event) => {
                      if (event.key === 'F2') {
                        event.preventDefault();
                        setRenaming(v.id);
                        return;
                      }
                      if (event.key !== 'Delete' || !isActive || !canDelete) return;
                      event.stopPropagation();
                      remove(v.id);
                    }}
                  >
                    {v.name}
                  </button>
                  {isActive && canDelete && (
                    <button
                      type="button"
                      className="icon-button variant-tab__close"
                      // A tablist holds only tabs: the pointer's cross stays out of the
                      // accessibility tree and the tab order; Delete on the tab does the same.
                      aria-hidden
                      tabIndex={-1}
                      title="Delete this variant"
                      onClick={() => remove(v.id)}
                    >
                      <X size={12} aria-hidden />
                    </button>
                  )}
                </span>
              );
            })}
          </div>
          {rest.length > 0 && (
            <>
              <button
                type="button"
                className="variant-tabs__more"
                popoverTarget="variant-overflow"
                aria-haspopup="menu"
                aria-label={`${rest.length} more variant${rest.length === 1 ? '' : 's'}`}
                title={rest.map((v) => v.name).join('\n')}
                data-testid="variant-overflow"
              >
                +{rest.length} <ChevronDown size={13} aria-hidden />
              </button>
              <PopoverMenu id="variant-overflow" label="More variants" className="variant-overflow">
                {rest.map((v) => (
                  <button
                    key={v.id}
                    type="button"
                    role="menuitem"
                    className="menu-item"
                    data-testid={`variant-menu-${v.id}`}
                    title={v.description ?? v.name}
                    onClick={() => store.getState().setActiveVariant(v.id)}
                  >
                    <span className="variant-overflow__name">{v.name}</span>
                  </button>
                ))}
              </PopoverMenu>
            </>
          )}
        </div>
      </div>
      <button
        type="button"
        className="icon-button"
        aria-label="Duplicate the variant"
        title="Duplicate this variant"
        data-testid="variant-duplicate"
        onClick={duplicate}
      >
        <Copy size={14} aria-hidden />
      </button>
      {/* Every tab as if active, off-screen, to know the width each needs. */}
      <div ref={measure} className="variant-tabs__measure" aria-hidden>
        {variants.map((v) => (
          <span key={v.id} className="variant-tab is-measured">
            {v.name}
          </span>
        ))}
      </div>
    </div>
  );
}
