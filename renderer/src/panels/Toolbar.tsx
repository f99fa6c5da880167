import { FilePlus2, FolderOpen, Save } from 'lucide-react';
import { useServices } from '../hooks/useServices';
import { usePlanner } from '../store/context';
import { selectIsDirty } from '../store/selectors';

/** The window's top bar: document commands, the document's name and the variant tabs. */
export function Toolbar() {
  const { actions } = useServices();
  const document = usePlanner((s) => s.document);
  const activeVariantId = usePlanner((s) => s.activeVariantId);
  const fileName = usePlanner((s) => s.file.name);
  const hasFile = usePlanner((s) => s.file.fileId !== null);
  const isDirty = usePlanner(selectIsDirty);
  const setActiveVariant = usePlanner((s) => s.setActiveVariant);
  const setGalleryOpen = usePlanner((s) => s.setGalleryOpen);
  return (
    <header className="toolbar" role="toolbar" aria-label="Document">
      <span className="brand" aria-label="Nines">
        <span className="brand__mark" aria-hidden>
          9s
        </span>
      </span>
      <div className="toolbar__group">
        <button
          type="button"
          className="tool"
          onClick={() => setGalleryOpen(true)}
          title="New from template (Ctrl+N)"
        >
          <FilePlus2 size={15} aria-hidden /> New
        </button>
        <button
          type="button"
          className="tool"
          onClick={() => void actions.openFile()}
          title="Open (Ctrl+O)"
        >
          <FolderOpen size={15} aria-hidden /> Open
        </button>
        <button
          type="button"
          className="tool"
          onClick={() => void actions.save(false)}
          disabled={!document}
          title="Save (Ctrl+S)"
        >
          <Save size={15} aria-hidden /> Save
        </button>
      </div>
      {document && (
        <>
          <div className="toolbar__doc" title={fileName}>
            <span className="toolbar__doc-name" data-testid="document-name">
              {document.name}
            </span>
            <span className="toolbar__doc-file">
              {hasFile ? fileName : `${fileName} · not saved`}
              {isDirty && <span className="dirty-dot" aria-label="unsaved changes" />}
            </span>
          </div>
          <div className="variant-tabs" role="tablist" aria-label="Variants">
            {document.variants.map((v) => (
              <button
                key={v.id}
                type="button"
                role="tab"
                className="variant-tab"
                aria-selected={v.id === activeVariantId}
                data-testid={`variant-tab-${v.id}`}
                title={v.description ?? v.name}
                onClick={() => setActiveVariant(v.id)}
              >
                {v.name}
              </button>
            ))}
          </div>
        </>
      )}
    </header>
  );
}
