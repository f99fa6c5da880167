import { useState, type KeyboardEvent } from 'react';
import type { EditResult } from '../../../shared/model/ops/validation';
import type { FieldUnit } from './field-specs';
import {
  choicesFor,
  fromInputText,
  isTimeUnit,
  messageInUnit,
  percentHint,
  toInputText,
  unitSuffix,
} from './field-input';
import { PickerInput } from './PickerInput';
import { isCustomValue } from './picker-options';
import type { FieldPicker } from './price-book-options';

/** One editable row of the inspector. */
export interface EditableFieldProps {
  readonly fieldKey: string;
  readonly label: string;
  readonly unit: FieldUnit;
  /** The stored value; undefined when the file leaves the field out. */
  readonly value: unknown;
  /** What applies when the field is left out (shown as the placeholder), with its source. */
  readonly fallback?: { readonly text: string; readonly source?: string };
  /** Checks a value without changing anything: the edit's result. */
  readonly check: (value: unknown) => EditResult;
  /** Stores a value as one undo step; returns the reason when it is refused. */
  readonly commit: (value: unknown) => string | null;
  /** Known values to choose from (the price book's); a value outside them is marked. */
  readonly picker?: FieldPicker;
}

/**
 * A field as an input with its unit: the stored value, or the default as a placeholder with its
 * source on hover. What is typed is checked as it is typed (the message shows beside it) and
 * stored on Enter or when the input loses focus, as one undo step; a value that is refused stays
 * in the input with its message and is never stored. Escape restores the stored value. A time
 * field takes a unit (`5 min`); a percent field offers `99.99 %` for a typed `0.9999`; a field
 * with a picker lists its known values and marks a value outside them.
 */
export function EditableField({
  fieldKey,
  label,
  unit,
  value,
  fallback,
  check,
  commit,
  picker,
}: EditableFieldProps) {
  const [draft, setDraft] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  /** The percentage a typed fraction probably meant, offered until the next edit. */
  const [hint, setHint] = useState<string | null>(null);
  const stored = toInputText(value, unit);
  const choices = choicesFor(fieldKey, unit);
  const validate = (text: string): string | null => {
    const read = fromInputText(text, unit);
    if (!read.ok) return read.message;
    const result = check(read.value);
    return result.ok ? null : messageInUnit(result.message, unit);
  };
  const save = (text: string) => {
    if (text === stored) {
      setDraft(null);
      setMessage(null);
      return;
    }
    const read = fromInputText(text, unit);
    const refused = read.ok ? commit(read.value) : read.message;
    setMessage(refused === null ? null : messageInUnit(refused, unit));
    setDraft(refused === null ? null : text);
  };
  const type = (text: string) => {
    setDraft(text);
    setMessage(validate(text));
    setHint(percentHint(text, unit) ?? null);
  };
  const cancel = () => {
    setDraft(null);
    setMessage(null);
    setHint(null);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') save(event.currentTarget.value);
    if (event.key === 'Escape') cancel();
  };
  const isDefault = value === undefined && fallback?.source !== undefined;
  const state = value !== undefined ? 'set' : isDefault ? 'default' : 'unset';
  const title = isDefault ? `Default. ${fallback?.source ?? ''}` : undefined;
  const id = `field-${fieldKey}`;
  const suffix = unitSuffix(unit);
  const isCustom =
    picker?.customNote !== undefined && isCustomValue(picker.options, draft ?? stored);
  return (
    <div className={`field is-${state}${message ? ' is-invalid' : ''}`} data-field={fieldKey}>
      <dt>
        <label htmlFor={id} id={`${id}-label`}>
          {label}
        </label>
      </dt>
      <dd title={title}>
        <span className="field__control">
          {choices ? (
            <select
              id={id}
              className="field__input"
              value={stored}
              onChange={(event) => save(event.currentTarget.value)}
            >
              <option value="">{fallback ? `${fallback.text} (default)` : '—'}</option>
              {choices.map((choice) => (
                <option key={choice} value={choice}>
                  {choice}
                </option>
              ))}
            </select>
          ) : picker && picker.options.length > 0 ? (
            <PickerInput
              id={id}
              text={draft ?? stored}
              placeholder={fallback?.text ?? 'not set'}
              options={picker.options}
              isInvalid={message !== null}
              onText={type}
              onCommit={save}
              onCancel={cancel}
            />
          ) : (
            <input
              id={id}
              className="field__input num"
              value={draft ?? stored}
              placeholder={fallback?.text ?? 'not set'}
              aria-invalid={message !== null}
              inputMode={unit === 'text' ? 'text' : isTimeUnit(unit) ? 'text' : 'decimal'}
              title={
                isTimeUnit(unit)
                  ? `In ${suffix}, or with a unit: 30 s, 5 min, 1.5 h, 2 d`
                  : undefined
              }
              onChange={(event) => type(event.currentTarget.value)}
              onBlur={(event) => {
                if (draft !== null) save(event.currentTarget.value);
              }}
              onKeyDown={onKeyDown}
            />
          )}
          {suffix && <span className="field__unit">{suffix}</span>}
          {isDefault && <span className="field__badge">default</span>}
        </span>
        {message && (
          <span className="field__error" role="alert">
            {message}
          </span>
        )}
        {hint !== null && (
          <span className="field__hint" data-testid={`hint-${fieldKey}`}>
            Did you mean{' '}
            <button
              type="button"
              className="field__hint-accept"
              title={`Store ${hint} %`}
              onClick={() => {
                save(hint);
                setHint(null);
              }}
            >
              {hint} %
            </button>
            ?
          </span>
        )}
        {isCustom && (
          <span className="field__note" data-testid={`custom-${fieldKey}`}>
            {picker?.customNote}
          </span>
        )}
      </dd>
    </div>
  );
}
