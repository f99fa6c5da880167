/**
 * pdfmake's measuring of the words of a text (`TextInlines.prototype.measure`) with each word's
 * style resolved once per text rather than property by property for every word. pdfmake looks
 * up 23 style properties for each word (its font, size, colour, decoration, link…); nearly
 * every word of the plan has no style of its own (pdfmake's word objects carry the text and the
 * style of the run they were cut from), so all its properties are the text's, the same for each
 * such word. Here they are looked up once, at the first such word of the text, and every other
 * word is looked up as pdfmake does ({@link styleProperty}).
 *
 * Everything else is pdfmake's `measure`, in its order: the leading indent of the first word,
 * the font (opened at the same word as pdfmake would), the 20 properties set on the word, the
 * size of a super- or subscript, the width, the height and the cuts of leading and trailing
 * spaces. pdfmake 0.3.11 (`js/TextInlines.js`); `word-measure.test.ts` compares every word of a
 * plan, field by field, with pdfmake's own measuring.
 */
import { styleProperty, type StyleStack } from './style-lookup';

/** A word as pdfmake measures it (`TextBreaker` output, then the fields set here). */
type Word = Record<string, unknown> & { text: string };

/** The part of pdfmake's font (a pdfkit font) read here. */
interface MeasuredFont {
  lineHeight(fontSize: number): number;
}

/** The part of pdfmake's `TextInlines` used here. */
interface TextInlinesLike {
  pdfDocument: { provideFont(font: unknown, bold: unknown, italics: unknown): MeasuredFont };
  widthOfText(text: string, word: Word): number;
}

/** Every property pdfmake looks up for a word in `measure`: a word with none of its own is plain. */
const LOOKED_UP = new Set([
  'font',
  'bold',
  'italics',
  'alignment',
  'fontSize',
  'fontFeatures',
  'characterSpacing',
  'color',
  'decoration',
  'decorationColor',
  'decorationStyle',
  'decorationThickness',
  'background',
  'link',
  'linkToPage',
  'linkToDestination',
  'noWrap',
  'opacity',
  'sup',
  'sub',
  'lineHeight',
  'preserveLeadingSpaces',
  'preserveTrailingSpaces',
]);

/** A word's resolved style: the values pdfmake looks up for it. */
interface WordStyle {
  readonly font: MeasuredFont;
  readonly alignment: unknown;
  readonly fontSize: unknown;
  readonly fontFeatures: unknown;
  readonly characterSpacing: unknown;
  readonly color: unknown;
  readonly decoration: unknown;
  readonly decorationColor: unknown;
  readonly decorationStyle: unknown;
  readonly decorationThickness: unknown;
  readonly background: unknown;
  readonly link: unknown;
  readonly linkToPage: unknown;
  readonly linkToDestination: unknown;
  readonly noWrap: unknown;
  readonly opacity: unknown;
  readonly sup: unknown;
  readonly sub: unknown;
  readonly lineHeight: unknown;
  readonly preserveLeadingSpaces: unknown;
  readonly preserveTrailingSpaces: unknown;
}

/** `word`'s style as pdfmake looks it up against `stack`, the font opened through `inlines`. */
function resolveStyle(inlines: TextInlinesLike, word: object, stack: StyleStack): WordStyle {
  const look = (property: string, fallback: unknown) =>
    styleProperty(word, stack, property, fallback);
  const font = look('font', 'Roboto');
  const bold = look('bold', false);
  const italics = look('italics', false);
  return {
    font: inlines.pdfDocument.provideFont(font, bold, italics),
    alignment: look('alignment', 'left'),
    fontSize: look('fontSize', 12),
    fontFeatures: look('fontFeatures', null),
    characterSpacing: look('characterSpacing', 0),
    color: look('color', 'black'),
    decoration: look('decoration', null),
    decorationColor: look('decorationColor', null),
    decorationStyle: look('decorationStyle', null),
    decorationThickness: look('decorationThickness', null),
    background: look('background', null),
    link: look('link', null),
    linkToPage: look('linkToPage', null),
    linkToDestination: look('linkToDestination', null),
    noWrap: look('noWrap', null),
    opacity: look('opacity', 1),
    sup: look('sup', false),
    sub: look('sub', false),
    lineHeight: look('lineHeight', 1),
    preserveLeadingSpaces: look('preserveLeadingSpaces', false),
    preserveTrailingSpaces: look('preserveTrailingSpaces', false),
  };
}

/** Whether `word` has no style of its own: no named style, no value of a looked-up property. */
function isPlain(word: Word): boolean {
  for (const key in word) {
    const value = word[key];
    if (value === undefined || value === null) continue;
    if (key === 'style' ? Boolean(value) : LOOKED_UP.has(key)) return false;
  }
  return true;
}

const LEADING = /^(\s)+/g;
const TRAILING = /(\s)+$/g;

/** pdfmake's `TextInlines.prototype.measure(words, stack)`, each plain word's style found once. */
export function measureWords(this: TextInlinesLike, words: Word[], stack: StyleStack): Word[] {
  const [first] = words;
  if (first) {
    const leadingIndent = styleProperty(first, stack, 'leadingIndent', 0) as number;
    if (leadingIndent) {
      first.leadingCut = -leadingIndent;
      first.leadingIndent = leadingIndent;
    }
  }
  let plainStyle: WordStyle | undefined;
  for (const word of words) {
    let style: WordStyle;
    if (isPlain(word)) {
      plainStyle ??= resolveStyle(this, {}, stack);
      style = plainStyle;
    } else {
      style = resolveStyle(this, word, stack);
    }
    // Named stores, in pdfmake's order: the words keep pdfmake's object shapes.
    word.font = style.font;
    word.alignment = style.alignment;
    word.fontSize = style.fontSize;
    word.fontFeatures = style.fontFeatures;
    word.characterSpacing = style.characterSpacing;
    word.color = style.color;
    word.decoration = style.decoration;
    word.decorationColor = style.decorationColor;
    word.decorationStyle = style.decorationStyle;
    word.decorationThickness = style.decorationThickness;
    word.background = style.background;
    word.link = style.link;
    word.linkToPage = style.linkToPage;
    word.linkToDestination = style.linkToDestination;
    word.noWrap = style.noWrap;
    word.opacity = style.opacity;
    word.sup = style.sup;
    word.sub = style.sub;
    if (word.sup || word.sub) (word.fontSize as number) *= 0.58;
    word.width = this.widthOfText(word.text, word);
    word.height = style.font.lineHeight(word.fontSize as number) * (style.lineHeight as number);
    if (!word.leadingCut) word.leadingCut = 0;
    if (!style.preserveLeadingSpaces) {
      const leadingSpaces = word.text.match(LEADING);
      if (leadingSpaces) {
        (word.leadingCut as number) += this.widthOfText(leadingSpaces[0] as string, word);
      }
    }
    word.trailingCut = 0;
    if (!style.preserveTrailingSpaces) {
      const trailingSpaces = word.text.match(TRAILING);
      if (trailingSpaces) word.trailingCut = this.widthOfText(trailingSpaces[0] as string, word);
    }
  }
  return words;
}

const INSTALLED = Symbol.for('nines.fastWordMeasure');

/**
 * Makes pdfmake's `TextInlines.prototype.measure` the {@link measureWords} above. Installing
 * twice does nothing.
 */
export function installFastWordMeasure(textInlinesPrototype: object): void {
  const proto = textInlinesPrototype as { measure: unknown; [INSTALLED]?: true };
  if (proto[INSTALLED]) return;
  proto.measure = measureWords;
  proto[INSTALLED] = true;
}
