/**
 * Common-cause rule: an event that fails several parts of the design at once (a variant's
 * `commonCause`, or the beta-factor event of a tier) and alone stops the service. The finding says
 * how much of the downtime it causes and what reduces it: staged rollouts per region (a model
 * operation when every node it affects sits in a region and they span two or more: the cause
 * becomes one per region, measured), independent control planes and a faster rollback (in words).
 */
import { causeRegions } from '../../model/ops/fixes';
import { formatAvailability, formatMinutesPerYear, formatShare } from '../../text';
import type { AdviceContext, DraftFinding } from './context';
import { eventDowntime } from './redundancy';

const CAUSE_PREFIX = 'cause:';
const BETA_SUFFIX = '#ccf';

/**
 * What reduces a common-cause event of a variant (a global deploy or configuration change, a
 * shared control plane), in the words of the advisor's finding and of the plan's preventive
 * controls: one source of text.
 */
export const COMMON_CAUSE_REMEDIES =
  'staged rollouts (a canary first, then one region at a time, so that a bad change stops ' +
  'where it first lands), independent control planes and configuration per region, and a ' +
  'rehearsed rollback (its repair time)';

/**
 * What reduces the beta-factor event of a tier named `tier`: the fix of the advisor's finding
 * and the plan's words for it.
 */
export function betaFactorRemedy(tier: string): string {
  return `Deploy and patch the instances of ${tier} in batches so that one fault cannot reach them all, then lower its beta factor`;
}

/** One finding per common-cause event that is a single point of failure. */
export function commonCauseFindings(ctx: AdviceContext): DraftFinding[] {
  const spofs = new Set(ctx.base.singlePointsOfFailure);
  const findings: DraftFinding[] = [];
  for (const event of ctx.structure.events) {
    if (event.kind !== 'common-cause' || !spofs.has(event.name)) continue;
    const ceiling = 1 - event.unavailability;
    const target = ctx.availabilityTarget;
    const share = eventDowntime(ctx, [event.name]);
    const total = ctx.base.availability.downtimeMinutesPerYear;
    const cost =
      `it alone accounts for ${formatMinutesPerYear(share)} of the ` +
      `${formatMinutesPerYear(total)} of downtime (${formatShare(total > 0 ? share / total : 0)}), ` +
      `and while it fails them together the design cannot exceed ${formatAvailability(ceiling)}` +
      (target === undefined ? '' : ` (the target is ${formatAvailability(target)})`);
    const severity = target !== undefined && ceiling <= target ? 'high' : 'medium';
    if (event.name.startsWith(CAUSE_PREFIX)) {
      const causeId = event.name.slice(CAUSE_PREFIX.length);
      findings.push(causeFinding(ctx, causeId, cost, severity, ceiling));
    } else if (event.name.endsWith(BETA_SUFFIX)) {
      const tierId = event.name.slice(0, -BETA_SUFFIX.length);
      const node = ctx.graph.byId.get(tierId);
      const beta = node && 'betaFactor' in node ? (node.betaFactor ?? 0) : 0;
      findings.push({
        code: 'common-cause',
        severity,
        nodeIds: [tierId],
        subject: event.name,
        title: `A common-cause failure of ${ctx.name(tierId)} stops the service`,
        message:
          `${formatShare(beta)} of the failures of an instance of ${ctx.name(tierId)} take every ` +
          `instance down at once (its beta factor): ${cost}. More instances do not help; ` +
          `instances that differ (deployed in batches, from separate images, on separate hosts) do.`,
        principle: 'independence',
        fix: {
          label: betaFactorRemedy(ctx.name(tierId)),
          op: null,
        },
        availabilityCeiling: ceiling,
      });
    }
  }
  return findings;
}

function causeFinding(
  ctx: AdviceContext,
  causeId: string,
  cost: string,
  severity: DraftFinding['severity'],
  ceiling: number,
): DraftFinding {
  const cause = (ctx.variant.commonCause ?? []).find((c) => c.id === causeId);
  const name = cause?.name ?? causeId;
  const affects = cause?.affects ?? [];
  const regions = causeRegions(ctx.variant, causeId);
  const canStage = regions !== undefined && regions.size >= 2;
  const advice = `What reduces it: ${COMMON_CAUSE_REMEDIES}.`;
  return {
    code: 'common-cause',
    severity,
    nodeIds: affects,
    subject: `cause:${causeId}`,
    title: `${name} stops ${ctx.nameList(affects)} at once`,
    message: `${name} fails ${ctx.nameList(affects)} together: ${cost}. ${advice}`,
    principle: 'independence',
    fix: canStage
      ? {
          label: `Stage "${name}" one region at a time (${ctx.nameList([...regions.keys()])}): one event per region instead of one across all`,
          op: { kind: 'stage-common-cause', causeId },
        }
      : {
          label: `Stage "${name}" (canary instances first) and rehearse its rollback`,
          op: null,
        },
    // A cause that staging removes is no ceiling; one that stays is.
    ...(canStage ? {} : { availabilityCeiling: ceiling }),
  };
}
