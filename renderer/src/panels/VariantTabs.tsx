import { Copy, X } from 'lucide-react';
import { useState, type KeyboardEvent } from 'react';
import { deleteVariant, duplicateVariant, renameVariant } from '../../../shared/model/ops/variants';
import { usePlanner, usePlannerStore } from '../store/context';

/**
 * The variants as tabs: click to switch, double-click to rename, the copy button duplicates the
 * active variant, the cross deletes it (the last one stays). Each change is one undo step.
 */
export function VariantTabs() {
  const store = usePlannerStore();
  const document = usePlanner((s) => s.document);
  const activeVariantId = usePlanner((s) => s.activeVariantId);
  const [renaming, setRenaming] = useState<string | null>(null);
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
  const onRenameKey = (event: KeyboardEvent<HTMLInputElement>, variantId: string) => {
    if (event.key === 'Enter') finishRename(variantId, event.currentTarget.value);
    if (event.key === 'Escape') setRenaming(null);
  };
  const canDelete = document.variants.length > 1;
  return (
    <div className="variant-tabs" role="tablist" aria-label="Variants">
      {document.variants.map((v) => {
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
              role="tab"
              className="variant-tab"
              aria-selected={isActive}
              data-testid={`variant-tab-${v.id}`}
              title={`${v.description ?? v.name} (double-click to rename)`}
              onClick={() => store.getState().setActiveVariant(v.id)}
              onDoubleClick={() => setRenaming(v.id)}
            >
              {v.name}
            </button>
            {isActive && canDelete && (
              <button
                type="button"
                className="icon-button variant-tab__close"
                aria-label={`Delete the variant ${v.name}`}
                title="Delete this variant"
                onClick={() => remove(v.id)}
              >
                <X size={12} aria-hidden />
              </button>
            )}
          </span>
        );
      })}
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
    </div>
  );
}
