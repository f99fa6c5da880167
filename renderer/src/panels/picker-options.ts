/**
 * The options of a picker (a combobox over a known list, such as the price book's instance
 * types) and how typing filters them. Pure, so the filtering is tested without a DOM.
 */

/** One choice of a picker: the value stored, and what a person reads beside it. */
export interface PickerOption {
  readonly value: string;
  /** Details shown beside the value (`2 vCPU · 8 GiB · $0.1008/h`); searched too. */
  readonly detail?: string;
}

/**
 * The options that match `query`: every word of the query (case aside) appears in the value or
 * the details; those whose value starts with the query come first, each group in list order.
 * An empty query keeps every option.
 */
export function filterOptions(
  options: readonly PickerOption[],
  query: string,
): readonly PickerOption[] {
  const needle = query.trim().toLowerCase();
  if (needle === '') return options;
  const words = needle.split(/\s+/);
  const matching = options.filter((option) => {
    const haystack = `${option.value} ${option.detail ?? ''}`.toLowerCase();
    return words.every((word) => haystack.includes(word));
  });
  const starts = (option: PickerOption) => option.value.toLowerCase().startsWith(needle);
  return [...matching.filter(starts), ...matching.filter((option) => !starts(option))];
}

/** True when `value` is set and is none of the options (a custom value, to be marked). */
export function isCustomValue(options: readonly PickerOption[], value: string): boolean {
  return value !== '' && !options.some((option) => option.value === value);
}
