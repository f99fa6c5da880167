import { ChevronRight } from 'lucide-react';
import { Fragment, useEffect, useRef, useState, type ReactNode } from 'react';
import { Group, Panel, Separator, usePanelRef, type Layout } from 'react-resizable-panels';
import {
  COLUMN_SECTIONS,
  DEFAULT_COLUMN_LAYOUT,
  localStorageOrNone,
  readColumnLayout,
  writeColumnLayout,
  type ColumnSectionId,
} from './column-layout';
import './layout.css';

/** One section of the right column. */
export interface ColumnSection {
  readonly id: ColumnSectionId;
  readonly title: string;
  /** A few words beside the title, still in view while the section is collapsed. */
  readonly summary?: ReactNode;
  readonly content: ReactNode;
  /**
   * When this changes to something other than null, the section opens (if collapsed) and shows
   * its top: for what appears there on its own, such as the panel of a scenario chosen on the
   * canvas.
   */
  readonly revealOn?: string | null;
}

/** Height of a section's header, px: a collapsed section keeps exactly this much. */
export const SECTION_HEADER_PX = 32;
/** The least an open section may be dragged down to, px (less collapses it). */
const SECTION_MIN_PX = 112;

const panelId = (id: ColumnSectionId) => `column-${id}`;

/**
 * The right column: the inspector, the results and the findings as sections one above the other,
 * each with a header that collapses it to that header (and opens it again) and a separator to
 * drag (or move with the arrow keys) between neighbours. Sizes and collapsed sections are kept in
 * the host's local storage, so they survive a reload; a double click on a separator gives back
 * its default.
 */
export function SideColumn({ sections }: { sections: readonly ColumnSection[] }) {
  const [storage] = useState(localStorageOrNone);
  const [defaultLayout] = useState(() => {
    const saved = readColumnLayout(storage) ?? DEFAULT_COLUMN_LAYOUT;
    return Object.fromEntries(COLUMN_SECTIONS.map((id) => [panelId(id), saved[id]]));
  });
  // Which sections are collapsed: the last open one cannot be (the column has to show something).
  const [collapsed, setCollapsed] = useState<ReadonlySet<ColumnSectionId>>(new Set());
  const onCollapsed = (id: ColumnSectionId, isCollapsed: boolean) =>
    setCollapsed((now) => {
      if (now.has(id) === isCollapsed) return now;
      const next = new Set(now);
      if (isCollapsed) next.add(id);
      else next.delete(id);
      return next;
    });
  const openCount = sections.filter((s) => !collapsed.has(s.id)).length;
  const save = (layout: Layout) =>
    writeColumnLayout(
      storage,
      Object.fromEntries(COLUMN_SECTIONS.map((id) => [id, layout[panelId(id)] ?? 0])),
    );
  return (
    <aside className="sidebar" aria-label="Details">
      <Group
        orientation="vertical"
        id="column"
        className="side-column"
        defaultLayout={defaultLayout}
        onLayoutChanged={(layout, meta) => save(meta.requestedLayout ?? layout)}
      >
        {sections.map((section, i) => (
          <Fragment key={section.id}>
            {i > 0 && (
              <Separator
                className="side-column__separator"
                aria-label={`Resize ${sections[i - 1]?.title ?? ''} and ${section.title}`}
              />
            )}
            <Section
              section={section}
              isCollapsed={collapsed.has(section.id)}
              isLastOpen={openCount === 1 && !collapsed.has(section.id)}
              onCollapsed={(isCollapsed) => onCollapsed(section.id, isCollapsed)}
            />
          </Fragment>
        ))}
      </Group>
    </aside>
  );
}

function Section({
  section,
  isCollapsed,
  isLastOpen,
  onCollapsed,
}: {
  section: ColumnSection;
  isCollapsed: boolean;
  isLastOpen: boolean;
  onCollapsed: (isCollapsed: boolean) => void;
}) {
  const panel = usePanelRef();
  const body = useRef<HTMLDivElement>(null);
  const id = panelId(section.id);
  const { revealOn } = section;
  useEffect(() => {
    if (revealOn === null || revealOn === undefined) return;
    if (panel.current?.isCollapsed()) panel.current.expand();
    body.current?.scrollTo({ top: 0 });
  }, [revealOn, panel]);
  const toggle = () => {
    if (panel.current?.isCollapsed()) panel.current.expand();
    else if (!isLastOpen) panel.current?.collapse();
  };
  return (
    <Panel
      id={id}
      data-testid={id}
      panelRef={panel}
      collapsible
      collapsedSize={SECTION_HEADER_PX}
      minSize={SECTION_MIN_PX}
      className="column-section"
      onResize={() => onCollapsed(panel.current?.isCollapsed() ?? false)}
    >
      <h2 className="column-section__header">
        <button
          type="button"
          className="column-section__toggle"
          aria-expanded={!isCollapsed}
          aria-controls={`${id}-body`}
          aria-disabled={isLastOpen || undefined}
          onClick={toggle}
          title={
            isCollapsed
              ? `Show ${section.title}`
              : isLastOpen
                ? `${section.title} stays open while the other sections are collapsed`
                : `Collapse ${section.title}`
          }
        >
          <ChevronRight className="column-section__chevron" size={14} aria-hidden />
          <span className="column-section__title">{section.title}</span>
        </button>
        {section.summary !== undefined && (
          <span className="column-section__summary">{section.summary}</span>
        )}
      </h2>
      <div ref={body} id={`${id}-body`} className="column-section__body" hidden={isCollapsed}>
        {section.content}
      </div>
    </Panel>
  );
}
