/**
 * A strict XML 1.0 check for tests: saxes (the well-formedness-checking parser jsdom uses, here
 * through docx's and jsdom's dependency tree) refuses a character XML forbids, raw or as a
 * reference (`&#x1b;`). Returns the text of every element, by element name, in document order.
 */
import { SaxesParser } from 'saxes';

/** Parses `xml`; throws on the first well-formedness error. */
export function parseXmlStrict(xml: string): Map<string, string[]> {
  const parser = new SaxesParser();
  const texts = new Map<string, string[]>();
  const open: { name: string; text: string }[] = [];
  parser.on('error', (error) => {
    throw error;
  });
  parser.on('opentag', (tag) => open.push({ name: tag.name, text: '' }));
  parser.on('text', (text) => {
    const top = open.at(-1);
    if (top) top.text += text;
  });
  parser.on('closetag', () => {
    const done = open.pop();
    if (done) texts.set(done.name, [...(texts.get(done.name) ?? []), done.text]);
  });
  parser.write(xml).close();
  return texts;
}
