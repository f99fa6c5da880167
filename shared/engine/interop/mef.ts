/**
 * Open-PSA Model Exchange Format (MEF 2.0, https://open-psa.github.io/mef/) export: the
 * structure of a variant as a fault tree whose top event `service-down` is "the service is down",
 * for reliability engineers' tools (SCRAM, XFTA, …) and for the cross-check against SCRAM.
 *
 * By duality a working AND becomes an `or` gate of failures, a working OR an `and` gate, and
 * "at least k of n work" an `atleast` gate with min = n − k + 1. Each basic event carries its
 * unavailability as a `float` probability and its FORMAT.md name as a `label` (MEF names allow
 * only letters, digits, `_` and single `-`, so `app#0` is written `app_0`, deduplicated).
 */
import { unknownVariant } from '../variants';
import type { NinesDocument } from '../../model/types';
import { variantStructure } from '../availability';
import type { Structure } from '../structure';
import type { EngineIssue } from '../types';

/** The MEF XML of one variant (the first when `variantId` is absent), or the issues that stop it. */
export function exportMef(
  doc: NinesDocument,
  variantId?: string,
): { xml: string; issues: EngineIssue[] } | { xml: undefined; issues: EngineIssue[] } {
  const variant =
    variantId === undefined ? doc.variants[0] : doc.variants.find((v) => v.id === variantId);
  if (!variant) {
    return {
      xml: undefined,
      issues: [unknownVariant(doc, variantId ?? '')],
    };
  }
  const { structure, issues } = variantStructure(variant);
  if (!structure) return { xml: undefined, issues };
  return { xml: structureToMef(structure, `${doc.name} — ${variant.name}`), issues };
}

/** Writes `structure` as an MEF document with top gate `service-down`. */
export function structureToMef(structure: Structure, title: string): string {
  const used = new Set<string>(['service-down']);
  const unique = (raw: string): string => {
    let base = raw.replace(/[^A-Za-z0-9_]+/g, '_');
    if (!/^[A-Za-z]/.test(base)) base = `e_${base}`;
    let name = base;
    for (let i = 2; used.has(name); i++) name = `${base}_${i}`;
    used.add(name);
    return name;
  };
  const eventNames = structure.events.map((e) => unique(e.name));

  // Gates reachable from the top, children before parents (expression ids ascend that way).
  const reachable = new Set<number>();
  const stack = [structure.top];
  while (stack.length > 0) {
    const id = stack.pop() as number;
    if (reachable.has(id)) continue;
    reachable.add(id);
    const e = structure.exprs[id];
    if (e && 'args' in e) stack.push(...e.args);
  }
  const gateIds = [...reachable]
    .filter((id) => {
      const op = structure.exprs[id]?.op;
      return op === 'and' || op === 'or' || op === 'atLeast';
    })
    .sort((a, b) => a - b);
  const gateNames = new Map<number, string>(
    gateIds.map((id) => [
      id,
      id === structure.top
        ? 'service-down'
        : unique(`down_${structure.gateNames.get(id) ?? `g${id}`}`),
    ]),
  );
  const label = (id: number): string =>
    id === structure.top
      ? 'the service is down'
      : `${structure.gateNames.get(id) ?? `gate ${id}`} is down`;

  const ref = (id: number): string => {
    const e = structure.exprs[id];
    if (!e) throw new Error(`unknown expression ${id}`);
    if (e.op === 'event') return `<basic-event name="${eventNames[e.event]}"/>`;
    if (e.op === 'const') return `<constant value="${e.value ? 'false' : 'true'}"/>`;
    return `<gate name="${gateNames.get(id)}"/>`;
  };
  const formula = (id: number): string => {
    const e = structure.exprs[id];
    if (!e || !('args' in e)) return ref(id);
    const args = e.args.map((a) => `      ${ref(a)}`).join('\n');
    if (e.op === 'and') return `<or>\n${args}\n    </or>`;
    if (e.op === 'or') return `<and>\n${args}\n    </and>`;
    if (e.op !== 'atLeast') throw new Error(`not a gate: ${id}`);
    return `<atleast min="${e.args.length - e.k + 1}">\n${args}\n    </atleast>`;
  };

  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<opsa-mef>',
    `  <define-fault-tree name="nines">`,
    `    <label>${escapeXml(title)}: the service is down</label>`,
    // A top expression that is a single event or a constant still needs its own top gate.
    ...(gateNames.has(structure.top)
      ? []
      : [
          '    <define-gate name="service-down">',
          '      <label>the service is down</label>',
          `      ${ref(structure.top)}`,
          '    </define-gate>',
        ]),
    ...gateIds.map(
      (id) =>
        `    <define-gate name="${gateNames.get(id)}">\n` +
        `      <label>${escapeXml(label(id))}</label>\n` +
        `    ${formula(id)}\n    </define-gate>`,
    ),
    '  </define-fault-tree>',
    '  <model-data>',
    ...structure.events.map(
      (e, i) =>
        `    <define-basic-event name="${eventNames[i]}">\n` +
        `      <label>${escapeXml(e.name)}</label>\n` +
        `      <float value="${e.unavailability}"/>\n` +
        '    </define-basic-event>',
    ),
    '  </model-data>',
    '</opsa-mef>',
    '',
  ];
  return lines.join('\n');
}

/**
 * Characters XML 1.0 forbids even as a reference (C0 controls but tab, line feed and carriage
 * return; U+FFFE, U+FFFF; unpaired surrogates): written as the visible text `\uXXXX`, so that
 * the export still parses and the label still says what the name held.
 */
const XML_FORBIDDEN =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Characters XML allows but a terminal or a reader would obey rather than show (DEL, the C1
 * controls, bidirectional overrides and isolates, line and paragraph separators, and the
 * carriage return, which a parser would turn into a line feed): written as character references,
 * so that the value is kept and the raw bytes never reach a terminal that shows the file.
 */
const XML_INVISIBLE = /[\r\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** `text` as XML character data or an attribute value (see the two sets above). */
function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(XML_FORBIDDEN, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .replace(XML_INVISIBLE, (c) => `&#x${c.charCodeAt(0).toString(16).toUpperCase()};`);
}
