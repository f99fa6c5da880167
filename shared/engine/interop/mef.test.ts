/**
 * The MEF export of a file whose names hold what XML 1.0 forbids or a terminal obeys: the XML
 * still parses with a strict XML parser (saxes, which refuses a raw ESC and `&#x1b;` alike),
 * forbidden characters are shown as `\uXXXX`, others kept as character references, and no raw
 * control or bidirectional character is left in the bytes.
 */
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../schema/parse';
import type { NinesDocument } from '../../model/types';
import { exportMef } from './mef';
import { parseXmlStrict } from '../../testing/xml';

function documentNamed(name: string, variantName: string): NinesDocument {
  const parsed = parseDocument({
    format: 'nines/1',
    name,
    variants: [
      {
        id: 'v1',
        name: variantName,
        entry: 'app',
        nodes: [
          { id: 'r1', kind: 'region' },
          { id: 'app', kind: 'service', parent: 'r1', instances: 2, name: variantName },
        ],
        edges: [],
      },
    ],
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.document;
}

/** The text of the fault tree's label (the first label), read back by a strict XML parser. */
function label(xml: string): string {
  const labels = parseXmlStrict(xml).get('label') ?? [];
  return labels.find((l) => l.endsWith(': the service is down') && l.includes(' — ')) ?? '';
}

describe('exportMef with hostile names', () => {
  it('writes XML that parses, whatever the names hold', () => {
    const name = 'A\u001b]0;pwned\u0007\u001b[2J & <b> "q"\u0000\u000b\uFFFE\uD800';
    const variant = 'B\u009b31m\u202Egpj.exe\u2028\r\u007f';
    const { xml } = exportMef(documentNamed(name, variant));
    expect(xml).toBeDefined();
    const text = label(xml as string);
    expect(text).toBe(
      'A\\u001b]0;pwned\\u0007\\u001b[2J & <b> "q"\\u0000\\u000b\\ufffe\\ud800 — ' +
        'B\u009b31m\u202Egpj.exe\u2028\r\u007f: the service is down',
    );
    expect(xml).not.toMatch(
      // eslint-disable-next-line no-control-regex -- matching control characters is the point
      /[\u0000-\u0008\u000b\u000c\u000e-\u001f\r\u007f-\u009f\u202a-\u202e\u2028\ufffe]/,
    );
    expect(xml).toContain('&#x9B;31m&#x202E;gpj.exe&#x2028;&#xD;&#x7F;');
  });

  it('leaves ordinary names as they are', () => {
    const { xml } = exportMef(documentNamed('Shop — Zürich', 'Two zones'));
    expect(label(xml as string)).toBe('Shop — Zürich — Two zones: the service is down');
  });
});
