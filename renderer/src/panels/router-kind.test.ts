import { describe, expect, it } from 'vitest';
import type { ModelNode, NinesDocument } from '../../../shared/model/types';
import { parseDocumentText } from '../../../shared/schema/parse';
import aa2 from '../../../assets/templates/active-active-2-regions.nines.json?raw';
import {
  DNS_TTL_SECONDS,
  ROUTER_KINDS,
  routerKindHelp,
  routerKindOf,
  setRouterKind,
  type RouterKindChoice,
} from './router-kind';

const parsed = parseDocumentText(aa2);
if (!parsed.ok) throw new Error('the template does not parse');
const template = parsed.document;
const variantId = 'aa2';

const router = (doc: NinesDocument, id: string) =>
  doc.variants[0]?.nodes.find((n) => n.id === id) as ModelNode & { kind: 'router' };

function choose(doc: NinesDocument, id: string, choice: RouterKindChoice): NinesDocument {
  const result = setRouterKind(doc, variantId, id, choice);
  if (!result.ok) throw new Error(result.message);
  expect(parseDocumentText(JSON.stringify(result.document)).ok).toBe(true);
  return result.document;
}

describe('routerKindOf', () => {
  it('reads a router’s kind from its placement and its DNS TTL', () => {
    expect(routerKindOf({ id: 'r', kind: 'router', dnsTtlSeconds: 60 })).toBe('dns');
    expect(routerKindOf({ id: 'r', kind: 'router' })).toBe('global-lb');
    expect(routerKindOf({ id: 'r', kind: 'router', dnsTtlSeconds: 0 })).toBe('global-lb');
    expect(routerKindOf({ id: 'r', kind: 'router', parent: 'use1' })).toBe('regional-lb');
    expect(routerKindOf(router(template, 'dns'))).toBe('dns');
    expect(routerKindOf(router(template, 'lb-use1'))).toBe('regional-lb');
  });
});

describe('setRouterKind', () => {
  it('makes a DNS router a global load balancer: no TTL, still global', () => {
    const next = router(choose(template, 'dns', { kind: 'global-lb' }), 'dns');
    expect(next.dnsTtlSeconds).toBeUndefined();
    expect(next.parent).toBeUndefined();
    expect(routerKindOf(next)).toBe('global-lb');
  });

  it('puts a regional load balancer in its region, below what the region holds, without a TTL', () => {
    const doc = choose(template, 'dns', { kind: 'regional-lb', container: 'euw1' });
    const next = router(doc, 'dns');
    expect(next.parent).toBe('euw1');
    expect(next.dnsTtlSeconds).toBeUndefined();
    expect(routerKindOf(next)).toBe('regional-lb');
    const layout = doc.variants[0]?.layout ?? {};
    const kids = template.variants[0]?.nodes.filter((n) => n.parent === 'euw1') ?? [];
    const lowest = Math.max(...kids.map((n) => layout[n.id]?.y ?? 0));
    expect(layout.dns?.y).toBeGreaterThan(lowest);
    // The region grew to hold it.
    expect(layout.euw1?.height ?? 0).toBeGreaterThanOrEqual((layout.dns?.y ?? 0) + 72);
  });

  it('takes a regional load balancer out to the top level as DNS with the default TTL', () => {
    const next = router(choose(template, 'lb-use1', { kind: 'dns' }), 'lb-use1');
    expect(next.parent).toBeUndefined();
    expect(next.dnsTtlSeconds).toBe(DNS_TTL_SECONDS);
    expect(routerKindOf(next)).toBe('dns');
  });

  it('keeps a DNS router’s own TTL, and a regional one in its zone', () => {
    const ttl30 = {
      ...template,
      variants: template.variants.map((v) => ({
        ...v,
        nodes: v.nodes.map((n) => (n.id === 'dns' ? { ...n, dnsTtlSeconds: 30 } : n)),
      })),
    };
    expect(router(choose(ttl30, 'dns', { kind: 'dns' }), 'dns').dnsTtlSeconds).toBe(30);
    const inZone = choose(template, 'lb-use1', { kind: 'regional-lb', container: 'use1-a' });
    expect(router(inZone, 'lb-use1').parent).toBe('use1-a');
  });

  it('refuses a container that is no region or zone, or a node that is no router', () => {
    expect(
      setRouterKind(template, variantId, 'dns', { kind: 'regional-lb', container: 'app-use1' }),
    ).toEqual({ ok: false, message: 'no region or zone "app-use1"' });
    expect(setRouterKind(template, variantId, 'use1', { kind: 'dns' })).toEqual({
      ok: false,
      message: 'no router "use1"',
    });
  });
});

describe('routerKindHelp', () => {
  const regional = { id: 'lb', kind: 'router', parent: 'use1' } as const;
  it('says what a self-managed pair is: its instances, its region, the time to move its address', () => {
    // minHealthy 1 and failoverSeconds 3 s (VRRP's takeover) are the documented defaults.
    expect(routerKindHelp({ ...regional, instances: 2 })).toBe(
      'A self-managed pair: fails when none of its instances works, or with its region; moving its address to a working instance takes 3\u00a0s. No DNS TTL.',
    );
    expect(routerKindHelp({ ...regional, instances: 3, minHealthy: 2, failoverSeconds: 10 })).toBe(
      'A self-managed group of 3: fails when fewer than 2\u00a0instances work, or with its region; moving its address to a working instance takes 10\u00a0s. No DNS TTL.',
    );
  });
  it("is the kind's own help for a managed load balancer and for global routers", () => {
    expect(routerKindHelp(regional)).toBe(ROUTER_KINDS['regional-lb'].help);
    expect(routerKindHelp({ ...regional, instances: 1 })).toBe(ROUTER_KINDS['regional-lb'].help);
    expect(routerKindHelp(router(template, 'dns'))).toBe(ROUTER_KINDS.dns.help);
    expect(routerKindHelp({ id: 'ga', kind: 'router' })).toBe(ROUTER_KINDS['global-lb'].help);
  });
});
