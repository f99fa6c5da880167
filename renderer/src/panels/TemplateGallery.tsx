import { FolderOpen, History, TriangleAlert, X } from 'lucide-react';
import { useEffect, useState } from 'react';
import { useModalDialog } from './useModalDialog';
import type { RecentFile } from '../../../shared/ipc/contract';
import { BUNDLED_TEMPLATES, type BundledTemplate } from '../app/templates';
import { useServices } from '../hooks/useServices';
import { TopologyThumbnail } from './TopologyThumbnail';
import { usePlanner } from '../store/context';
import { formatAvailability } from '../../../shared/text';

/**
 * New: the bundled templates with their names and descriptions, plus Open and the recent files.
 * It is the start screen when no document is open, and a dialog over the document otherwise.
 */
export function TemplateGallery({ isStartScreen }: { isStartScreen: boolean }) {
  const setGalleryOpen = usePlanner((s) => s.setGalleryOpen);
  const dialog = useModalDialog(!isStartScreen);
  const content = (
    <GalleryContent onClose={isStartScreen ? undefined : () => dialog.current?.close()} />
  );
  if (isStartScreen) return <main className="start">{content}</main>;
  return (
    <dialog
      ref={dialog}
      className="dialog gallery-dialog"
      aria-label="New from template"
      onClose={() => setGalleryOpen(false)}
    >
      {content}
    </dialog>
  );
}

function GalleryContent({ onClose }: { onClose: (() => void) | undefined }) {
  const { host, actions } = useServices();
  const [recent, setRecent] = useState<readonly RecentFile[]>([]);
  useEffect(() => {
    let isCurrent = true;
    void host.listRecent().then((result) => {
      if (isCurrent && result.ok) setRecent(result.value);
    });
    return () => {
      isCurrent = false;
    };
  }, [host]);
  return (
    <div className="gallery" data-testid="template-gallery">
      <header className="gallery__header">
        <div>
          <h1 className="gallery__title">New from a template</h1>
          <p className="gallery__lead">
            Start from a proven high-availability pattern, then change it to fit.
          </p>
        </div>
        <button type="button" className="button" onClick={() => void actions.openFile()}>
          <FolderOpen size={15} aria-hidden /> Open a file…
        </button>
        {onClose && (
          <button type="button" className="icon-button" aria-label="Close" onClick={onClose}>
            <X size={16} aria-hidden />
          </button>
        )}
      </header>
      <ul className="gallery__grid">
        <li>
          <button
            type="button"
            className="template-card template-card--empty"
            data-testid="template-empty"
            onClick={() => void actions.openEmpty()}
          >
            <span className="template-card__name">Empty document</span>
            <span className="template-card__description">
              Start from a blank canvas: drag regions, zones and components from the palette.
            </span>
          </button>
        </li>
        {BUNDLED_TEMPLATES.map((template) => (
          <li key={template.stem}>
            <TemplateCard
              template={template}
              onOpen={() => void actions.openTemplate(template.stem)}
            />
          </li>
        ))}
      </ul>
      {recent.length > 0 && (
        <section className="recent" aria-label="Recent files">
          <h2 className="recent__title">
            <History size={14} aria-hidden /> Recent
          </h2>
          <ul>
            {recent.map((file) => (
              <li key={file.fileId}>
                <button
                  type="button"
                  className="recent__item"
                  onClick={() => void actions.openRecent(file.fileId)}
                >
                  <span className="recent__name">{file.name}</span>
                  <span className="recent__location">{file.location}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

function TemplateCard({ template, onOpen }: { template: BundledTemplate; onOpen: () => void }) {
  const { parsed } = template;
  if (!parsed.ok) {
    return (
      <button
        type="button"
        className="template-card is-broken"
        data-testid={`template-${template.stem}`}
        onClick={onOpen}
      >
        <span className="template-card__name">{template.fileName}</span>
        <span className="template-card__description">
          <TriangleAlert size={13} aria-hidden /> Cannot be opened: {parsed.problems.length} problem
          {parsed.problems.length === 1 ? '' : 's'}. Select to see them.
        </span>
      </button>
    );
  }
  const { document } = parsed;
  const regionCounts = document.variants.map(
    (v) => v.nodes.filter((n) => n.kind === 'region').length,
  );
  const fewest = Math.min(...regionCounts);
  const most = Math.max(...regionCounts);
  const regions =
    fewest === most ? `${most} region${most === 1 ? '' : 's'}` : `${fewest}–${most} regions`;
  const [first] = document.variants;
  return (
    <button
      type="button"
      className="template-card"
      data-testid={`template-${template.stem}`}
      onClick={onOpen}
    >
      {first && (
        <span className="template-card__thumbnail">
          <TopologyThumbnail variant={first} />
        </span>
      )}
      <span className="template-card__name">{document.name}</span>
      {document.description && (
        <span className="template-card__description">{document.description}</span>
      )}
      <span className="template-card__facts">
        <span>{regions}</span>
        {document.variants.length > 1 && <span>{document.variants.length} variants</span>}
        {document.targets?.availability !== undefined && (
          <span>target {formatAvailability(document.targets.availability)}</span>
        )}
      </span>
    </button>
  );
}
