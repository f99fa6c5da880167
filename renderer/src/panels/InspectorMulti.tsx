/**
 * The inspector for a selection of several nodes: the fields their kinds share, each showing the
 * common value or "mixed"; a value entered is set on every selected node as one undo step, and
 * refused as a whole (with the node and the reason) when any of them refuses it.
 */
import { Fragment, useState, type KeyboardEvent } from 'react';
import { updateNodeField } from '../../../shared/model/ops/update-field';
import type { EditResult } from '../../../shared/model/ops/validation';
import type { ModelNode, NinesDocument, Variant } from '../../../shared/model/types';
import { displayName } from '../canvas/describe';
import { KIND_META } from '../canvas/kind-meta';
import { usePlannerStore } from '../store/context';
import { choicesFor, fromInputText, toInputText, unitSuffix } from './field-input';
import { fieldGroupsFor, type FieldGroup, type FieldSpec } from './field-specs';

/** Fields that name or place one node: not edited for several at once. */
const OWN_FIELDS = new Set(['name', 'parent']);

/** The groups of fields every one of `nodes` has (in the inspector's order), but names and places. */
export function sharedFieldGroups(nodes: readonly ModelNode[]): FieldGroup[] {
  const [first, ...others] = nodes;
  if (!first) return [];
  const keysOf = (node: ModelNode) =>
    new Set(fieldGroupsFor(node.kind).flatMap((g) => g.fields.map((f) => f.key)));
  const otherKeys = others.map(keysOf);
  return fieldGroupsFor(first.kind)
    .map((group) => ({
      title: group.title,
      fields: group.fields.filter(
        (f) => !OWN_FIELDS.has(f.key) && otherKeys.every((keys) => keys.has(f.key)),
      ),
    }))
    .filter((group) => group.fields.length > 0);
}

/**
 * Sets `field` to `value` on every node of `nodeIds` (`updateNodeField` for each): the new
 * document, or the first refusal as `name: reason`.
 */
export function setFieldOnAll(
  doc: NinesDocument,
  variantId: string,
  nodeIds: readonly string[],
  field: string,
  value: unknown,
): EditResult {
  let next = doc;
  for (const id of nodeIds) {
    const result = updateNodeField(next, variantId, id, field, value);
    if (!result.ok) {
      const node = doc.variants.find((v) => v.id === variantId)?.nodes.find((n) => n.id === id);
      return { ok: false, message: `${node ? displayName(node) : id}: ${result.message}` };
    }
    next = result.document;
  }
  return { ok: true, document: next };
}

/** "2 services, 1 datastore". */
function kindsSummary(nodes: readonly ModelNode[]): string {
  const counts = new Map<string, number>();
  for (const n of nodes) counts.set(n.kind, (counts.get(n.kind) ?? 0) + 1);
  return [...counts]
    .map(([kind, n]) => {
      const label = KIND_META[kind as ModelNode['kind']].label.toLowerCase();
      return `${n} ${label}${n === 1 ? '' : 's'}`;
    })
    .join(', ');
}

export function MultiNodeFields({ nodes, variant }: { nodes: ModelNode[]; variant: Variant }) {
  const groups = sharedFieldGroups(nodes);
  return (
    <>
      <header className="panel__header inspector__header">
        <span className="inspector__title">
          <span className="inspector__name" data-testid="inspector-name">
            {nodes.length} nodes selected
          </span>
          <span className="inspector__meta">{kindsSummary(nodes)}</span>
        </span>
      </header>
      <p className="inspector__hint">
        A value entered here is set on all of them. Delete removes them, Ctrl+C copies them, Ctrl+D
        duplicates them; the toolbar above them aligns them.
      </p>
      {groups.length === 0 ? (
        <p className="inspector__hint">These kinds share no field to edit together.</p>
      ) : (
        groups.map((group) => (
          <Fragment key={group.title}>
            <div className="field-group">
              <h3 className="field-group__title">{group.title}</h3>
              <dl className="fields">
                {group.fields.map((field) => (
                  <MultiField key={field.key} nodes={nodes} field={field} variant={variant} />
                ))}
              </dl>
            </div>
          </Fragment>
        ))
      )}
    </>
  );
}

const MIXED = '\u0000mixed';

/** One shared field: the common value, or "mixed" when the nodes differ. */
function MultiField({
  nodes,
  field,
  variant,
}: {
  nodes: readonly ModelNode[];
  field: FieldSpec;
  variant: Variant;
}) {
  const store = usePlannerStore();
  const [draft, setDraft] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const texts = nodes.map((n) =>
    toInputText((n as Record<string, unknown>)[field.key], field.unit),
  );
  const isMixed = texts.some((t) => t !== texts[0]);
  const stored = isMixed ? '' : (texts[0] ?? '');
  const ids = nodes.map((n) => n.id);
  const label = `Set ${field.label.toLowerCase()} on ${nodes.length} nodes`;
  const edit = (document: NinesDocument, value: unknown) =>
    setFieldOnAll(document, variant.id, ids, field.key, value);
  const save = (text: string) => {
    if (text === stored || text === MIXED) {
      setDraft(null);
      setMessage(null);
      return;
    }
    const read = fromInputText(text, field.unit);
    const refused = read.ok
      ? store.getState().commitEdit(label, (document) => edit(document, read.value))
      : read.message;
    setMessage(refused);
    setDraft(refused === null ? null : text);
  };
  const check = (text: string): string | null => {
    const read = fromInputText(text, field.unit);
    if (!read.ok) return read.message;
    const { document } = store.getState();
    const result = document ? edit(document, read.value) : null;
    return result && !result.ok ? result.message : null;
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') save(event.currentTarget.value);
    if (event.key === 'Escape') {
      setDraft(null);
      setMessage(null);
    }
  };
  const choices = choicesFor(field.key, field.unit);
  const id = `field-${field.key}`;
  const suffix = unitSuffix(field.unit);
  const state = isMixed ? 'mixed' : texts[0] ? 'set' : 'unset';
  return (
    <div className={`field is-${state}${message ? ' is-invalid' : ''}`} data-field={field.key}>
      <dt>
        <label htmlFor={id}>{field.label}</label>
      </dt>
      <dd title={isMixed ? 'The selected nodes differ here.' : undefined}>
        <span className="field__control">
          {choices ? (
            <select
              id={id}
              className="field__input"
              value={isMixed ? MIXED : stored}
              onChange={(event) => save(event.currentTarget.value)}
            >
              {isMixed && (
                <option value={MIXED} disabled>
                  mixed
                </option>
              )}
              <option value="">default</option>
              {choices.map((choice) => (
                <option key={choice} value={choice}>
                  {choice}
                </option>
              ))}
            </select>
          ) : (
            <input
              id={id}
              className="field__input num"
              value={draft ?? stored}
              placeholder={isMixed ? 'mixed' : 'default'}
              aria-invalid={message !== null}
              inputMode={field.unit === 'text' ? 'text' : 'decimal'}
              onChange={(event) => {
                setDraft(event.currentTarget.value);
                setMessage(check(event.currentTarget.value));
              }}
              onBlur={(event) => {
                if (draft !== null) save(event.currentTarget.value);
              }}
              onKeyDown={onKeyDown}
            />
          )}
          {suffix && <span className="field__unit">{suffix}</span>}
          {isMixed && <span className="field__badge">mixed</span>}
        </span>
        {message && (
          <span className="field__error" role="alert">
            {message}
          </span>
        )}
      </dd>
    </div>
  );
}
