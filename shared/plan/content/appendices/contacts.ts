/**
 * Appendices: the personnel contact list and the vendor contact list (Appendices A and B of the
 * ISCP templates of NIST SP 800-34 Rev. 1). The model names the roles, the cloud providers, the
 * vendors its components need and the SLAs it assumes; people, phone numbers, accounts and
 * contracts are blanks for the plan owner.
 */
import { nodeFailureFigure } from '../../../model/nodes';
import type { DatastoreNode, ExternalNode, ModelNode } from '../../../model/types';
import { inline, paragraph, type Block, type Cell } from '../../document';
import { blank, blankCell } from '../blanks';
import { components, labelOf, type PlanBasis, type PlanContext } from '../context';
import { planRoles } from '../roles';
import { formatAvailability, listOf } from '../../../text';
import { appendixHeading, appendixTable } from '../appendix-labels';

/** Appendix: the personnel contact list, a primary and an alternate for each role. */
export function personnelAppendix(ctx: PlanContext): Block[] {
  const rows: Cell[][] = planRoles(ctx).flatMap((role) =>
    [role.name, `${role.name}, alternate`].map((who) => [
      who,
      blankCell('name and title'),
      blankCell('office phone'),
      blankCell('mobile phone'),
      blankCell('email'),
    ]),
  );
  return [
    appendixHeading('personnel'),
    paragraph(
      'The people who hold each role of the roles table in chapter “Concept of operations”, with an alternate for each, and how to reach them at any hour. The ISCP coordinator keeps this list current; a change of person is a change of the plan (record it under “Document control”).',
    ),
    {
      kind: 'table',
      caption: `${appendixTable('personnel', 1)} Key personnel`,
      columns: [
        { header: 'Role', width: 2.6 },
        { header: 'Name and title', width: 2.4 },
        { header: 'Office phone', width: 1.6 },
        { header: 'Mobile phone', width: 1.6 },
        { header: 'Email', width: 2.2 },
      ],
      rows,
    },
  ];
}

/** Provider names by the price book's provider key. */
const PROVIDER_NAMES: Readonly<Record<string, string>> = {
  aws: 'Amazon Web Services (AWS)',
  azure: 'Microsoft Azure',
  gcp: 'Google Cloud',
};

/** One row of the vendor contact list, before the blanks. */
interface Vendor {
  readonly vendor: Cell;
  /** What the system gets from the vendor, from the model. */
  readonly provides: string;
  /** The SLA the model assumes, or a blank. */
  readonly sla: Cell;
}

/** The components a provider runs: those in its regions, and the global ones when it is the only provider. */
function providerComponents(ctx: PlanBasis, provider: string, only: boolean): ModelNode[] {
  return components(ctx).filter((n) => {
    if (n.kind === 'external') return false;
    const region = ctx.graph.regionOf.get(n.id);
    if (region === undefined) return only;
    const node = ctx.graph.byId.get(region);
    return node?.kind === 'region' && node.provider === provider;
  });
}

/** The cloud providers of the model's regions, in the order their regions appear. */
function providerVendors(ctx: PlanBasis): Vendor[] {
  const providers: string[] = [];
  for (const id of ctx.graph.regions) {
    const region = ctx.graph.byId.get(id);
    const provider = region?.kind === 'region' ? region.provider : undefined;
    if (provider !== undefined && !providers.includes(provider)) providers.push(provider);
  }
  return providers.map((provider) => {
    const used = providerComponents(ctx, provider, providers.length === 1);
    const regions = ctx.graph.regions.filter((r) => {
      const node = ctx.graph.byId.get(r);
      return node?.kind === 'region' && node.provider === provider;
    });
    // The provider's managed services carry the provider's SLA; tiers of instances do not.
    const managed = used.filter((n) => n.kind === 'router' || n.kind === 'objectStore');
    const name = PROVIDER_NAMES[provider];
    return {
      vendor: name === undefined ? inline(`${provider}: `, blank('provider name')) : name,
      provides: `${regions.length === 1 ? 'Region' : 'Regions'} ${listOf(regions.map((r) => labelOf(ctx, r)))}; ${listOf(used.map((n) => labelOf(ctx, n.id)))}.`,
      sla:
        managed.length === 0
          ? [blank('SLA of the services used')]
          : managed
              .map(
                (n) =>
                  `${labelOf(ctx, n.id)} ${formatAvailability(nodeFailureFigure(n).availability)}`,
              )
              .join('; '),
    };
  });
}

/**
 * Datastores that need a vendor beyond the cloud provider: Redis Active-Active is a feature of
 * Redis Enterprise (Redis Ltd.); any other datastore with a licence in the model has a vendor the
 * model does not name.
 */
function datastoreVendors(ctx: PlanBasis): Vendor[] {
  const stores = components(ctx).filter((n): n is DatastoreNode => n.kind === 'datastore');
  const redisEnterprise = stores.filter(
    (n) => n.engine === 'redis' && n.replication === 'active-active',
  );
  const licensed = stores.filter(
    (n) => !redisEnterprise.includes(n) && n.licenseMonthlyUsd !== undefined,
  );
  const vendors: Vendor[] = [];
  if (redisEnterprise.length > 0) {
    vendors.push({
      vendor: 'Redis Ltd. (Redis Enterprise)',
      provides: `Redis Enterprise software and support for the Active-Active database (CRDB) of ${listOf(redisEnterprise.map((n) => labelOf(ctx, n.id)))}.`,
      sla: [blank('support response time')],
    });
  }
  for (const node of licensed) {
    vendors.push({
      vendor: [blank(`vendor of ${node.engine ?? 'the datastore'}`)],
      provides: `Licence and support for ${labelOf(ctx, node.id)}.`,
      sla: [blank('support response time')],
    });
  }
  return vendors;
}

/** The external services of the model, each with its vendor and the SLA the model gives it. */
function externalVendors(ctx: PlanBasis): Vendor[] {
  const externals = components(ctx).filter((n): n is ExternalNode => n.kind === 'external');
  return externals.map((node) => {
    const consumers = ctx.variant.edges
      .filter((e) => e.kind === 'depends' && e.to === node.id)
      .map((e) => labelOf(ctx, e.from));
    const given =
      node.availability !== undefined ||
      node.mtbfHours !== undefined ||
      node.mttrHours !== undefined;
    return {
      vendor: node.vendor ?? [blank('vendor')],
      provides: `${labelOf(ctx, node.id)}${consumers.length === 0 ? '' : `, used by ${listOf(consumers)}`}.`,
      sla: `${formatAvailability(nodeFailureFigure(node).availability)} (${given ? 'in the model' : 'default of the model: a typical third-party SLA'})`,
    };
  });
}

/** The vendors of the system, as the vendor contact list prints them. */
export function vendorsOf(ctx: PlanBasis): Vendor[] {
  return [...providerVendors(ctx), ...datastoreVendors(ctx), ...externalVendors(ctx)];
}

/** The names of the vendors the model names (a vendor whose name is a blank is left out). */
export function vendorNames(ctx: PlanBasis): string[] {
  return vendorsOf(ctx)
    .map((v) => v.vendor)
    .filter((v): v is string => typeof v === 'string');
}

/** Appendix: the vendor contact list. */
export function vendorAppendix(ctx: PlanContext): Block[] {
  return [
    appendixHeading('vendors'),
    paragraph(
      'The cloud providers of the model’s regions, the vendors its datastores need and every external service it depends on, with the SLA the model assumes for them. Support plans, account numbers, contracts and emergency contacts are not in the model: fill them in, with the contractual response time of each.',
    ),
    {
      kind: 'table',
      caption: `${appendixTable('vendors', 1)} Vendors`,
      columns: [
        { header: 'Vendor', width: 2 },
        { header: 'Provides (from the model)', width: 3.4 },
        { header: 'SLA in the model', width: 2 },
        { header: 'Support plan and contract', width: 1.8 },
        { header: 'Account or subscription ids', width: 1.8 },
        { header: 'Support phone and portal', width: 1.8 },
      ],
      rows: vendorsOf(ctx).map((v) => [
        v.vendor,
        v.provides,
        v.sla,
        blankCell('plan, contract number'),
        blankCell('account ids'),
        blankCell('phone, portal'),
      ]),
    },
  ];
}
