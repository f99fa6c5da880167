/**
 * pdfmake's style look-ups without a walk of the style stack for every property of every word.
 * pdfmake measures each word of the plan (some 20,000 inlines for the three-region plan) by
 * asking `StyleContextStack.getStyleProperty` for 23 properties (font, bold, fontSize, colour,
 * decoration, link…): each call pushes the word and its named styles onto the stack, walks the
 * stack from the top with a fresh closure and a fresh `Set` per named style, and pops them again:
 * some 470,000 calls, the largest single part of pdfmake's measuring.
 *
 * This gives the same answers without pushing, allocating or walking twice: a property is the
 * word's own value, else that of the word's named styles (its `style`, last first), else that of
 * the stack (the overrides from the top, then the default style), exactly pdfmake's order. While
 * pdfmake measures one text (`TextInlines.measure`, where the stack does not change and no
 * style is written), the stack's value of each property and each named style's are looked up
 * once for all its words; outside it every call walks the stack, allocation-free. Nothing is
 * cached from one text to the next, so a style changed between two documents is seen.
 *
 * pdfmake 0.3.11 (`js/StyleContextStack.js`, `js/TextInlines.js`); `style-lookup.test.ts`
 * compares both implementations property by property, and the three-region plan's PDF is the
 * same byte for byte with and without it.
 */

/** A pdfmake style: properties, and named styles it `extends`. */
type Style = Record<string, unknown>;

/** The part of a pdfmake `StyleContextStack` read here. */
export interface StyleStack {
  styleDictionary: Record<string, Style | undefined> | null;
  defaultStyle?: Style | null;
  styleOverrides: unknown[];
}

/** pdfmake's `StyleContextStack` class: its static look-up, replaced here. */
export interface StyleStackClass {
  getStyleProperty(
    item: unknown,
    stack: StyleStack | null | undefined,
    property: string,
    defaultValue: unknown,
  ): unknown;
}

/** pdfmake's `isValue`: neither undefined nor null. */
const isValue = (value: unknown): boolean => value !== undefined && value !== null;

/** pdfmake's `isString`. */
const isString = (value: unknown): value is string =>
  typeof value === 'string' || value instanceof String;

/**
 * `property` of the named style `name` in `dictionary`, following `extends` (the last parent
 * first) and ignoring a style met twice on one path, as pdfmake's `getStylePropertyFromStyle`.
 */
function namedStyleProperty(
  dictionary: Record<string, Style | undefined>,
  name: string,
  property: string,
  visited?: Set<string>,
): unknown {
  if (visited?.has(name)) return undefined;
  const style = dictionary[name];
  if (!style) return undefined;
  const value = style[property];
  if (isValue(value)) return value;
  const parents = style.extends;
  if (!parents) return undefined;
  const seen = visited ?? new Set<string>();
  seen.add(name);
  const list = (Array.isArray(parents) ? parents : [parents]) as string[];
  for (let i = list.length - 1; i >= 0; i -= 1) {
    const inherited = namedStyleProperty(dictionary, list[i] as string, property, seen);
    if (isValue(inherited)) return inherited;
  }
  return undefined;
}

/** The named styles' values found during one layout of a document, by style and property. */
interface LayoutCache {
  readonly dictionary: StyleStack['styleDictionary'];
  readonly named: Map<string, Map<string, unknown>>;
}

/** The layout pdfmake is running now, if any. */
let layingOut: LayoutCache | undefined;

/** The stack's values found while measuring one text, by property. */
interface MeasureCache {
  readonly stack: StyleStack;
  readonly values: Map<string, unknown>;
}

/** The text pdfmake is measuring now, if any (pdfmake measures one text at a time). */
let measuring: MeasureCache | undefined;

/** `property` of one entry of a style list: a named style, or an object of overrides. */
function entryProperty(stack: StyleStack, entry: unknown, property: string): unknown {
  if (!isString(entry)) return (entry as Style)[property];
  const dictionary = stack.styleDictionary as Record<string, Style | undefined>;
  const name = String(entry);
  if (layingOut?.dictionary !== dictionary) return namedStyleProperty(dictionary, name, property);
  let values = layingOut.named.get(name);
  if (!values) {
    values = new Map();
    layingOut.named.set(name, values);
  }
  if (values.has(property)) return values.get(property);
  const value = namedStyleProperty(dictionary, name, property);
  values.set(property, value);
  return value;
}

/** The stack's own value of `property`: its overrides from the top, then its default style. */
function stackProperty(stack: StyleStack, property: string): unknown {
  const overrides = stack.styleOverrides;
  for (let i = overrides.length - 1; i >= 0; i -= 1) {
    const value = entryProperty(stack, overrides[i], property);
    if (isValue(value)) return value;
  }
  return stack.defaultStyle ? stack.defaultStyle[property] : stack.defaultStyle;
}

/** {@link stackProperty}, once per text being measured. */
function cachedStackProperty(stack: StyleStack, property: string): unknown {
  const cache = measuring;
  if (cache?.stack !== stack) return stackProperty(stack, property);
  if (cache.values.has(property)) return cache.values.get(property);
  const value = stackProperty(stack, property);
  cache.values.set(property, value);
  return value;
}

/**
 * pdfmake's `StyleContextStack.getStyleProperty(item, stack, property, defaultValue)`: the
 * item's own value, else its named styles' (pushed above the stack by pdfmake, so looked at
 * first, the last first), else the stack's, else `defaultValue`. A string item, or one with a
 * `section`, brings no styles, as in pdfmake's `autopush`.
 */
export function styleProperty(
  item: unknown,
  stack: StyleStack | null | undefined,
  property: string,
  defaultValue: unknown,
): unknown {
  const own = (item as Style)[property];
  if (isValue(own)) return own;
  if (!stack) return defaultValue;
  if (!isString(item) && (item as Style).section === undefined) {
    const styles = (item as Style).style;
    if (styles) {
      const names = Array.isArray(styles) ? (styles as unknown[]) : [styles];
      for (let i = names.length - 1; i >= 0; i -= 1) {
        const value = entryProperty(stack, names[i], property);
        if (isValue(value)) return value;
      }
    }
  }
  const value = cachedStackProperty(stack, property);
  return isValue(value) ? value : defaultValue;
}

const INSTALLED = Symbol.for('nines.fastStyleLookup');

/** `object[name]` wrapped so that `around` sets up a context for each call. */
function wrapMethod<A extends unknown[], R>(
  object: object,
  name: string,
  around: (call: () => R, args: A) => R,
): void {
  const target = object as Record<string, (...args: A) => R>;
  const original = target[name] as (...args: A) => R;
  target[name] = function wrapped(this: unknown, ...args: A): R {
    return around(() => original.apply(this, args), args);
  };
}

/**
 * Makes pdfmake's `StyleContextStack.getStyleProperty` the allocation-free
 * {@link styleProperty}; during each `LayoutBuilder.prototype.layoutDocument` each named style's
 * properties are looked up once, and during each `TextInlines.prototype.measure` each of the
 * stack's. Installing twice does nothing.
 */
export function installFastStyleLookup(classes: {
  StyleContextStack: StyleStackClass;
  TextInlines: { prototype: object };
  LayoutBuilder: { prototype: object };
}): void {
  const stacks = classes.StyleContextStack as StyleStackClass & { [INSTALLED]?: true };
  if (stacks[INSTALLED]) return;
  stacks.getStyleProperty = styleProperty;
  wrapMethod(classes.LayoutBuilder.prototype, 'layoutDocument', (call, args: unknown[]) => {
    const outer = layingOut;
    layingOut = { dictionary: args[2] as LayoutCache['dictionary'], named: new Map() };
    try {
      return call();
    } finally {
      layingOut = outer;
    }
  });
  wrapMethod(classes.TextInlines.prototype, 'measure', (call, args: unknown[]) => {
    const outer = measuring;
    const stack = args[1] as StyleStack | undefined;
    measuring = stack ? { stack, values: new Map() } : undefined;
    try {
      return call();
    } finally {
      measuring = outer;
    }
  });
  stacks[INSTALLED] = true;
}
