/**
 * The appendices in the order of the ISCP template of NIST SP 800-34 Rev. 1 (Appendix A.3): the
 * personnel and vendor contact lists, alternate processing, the inventory and interconnections,
 * associated plans; then Nines' own: parameters and the availability method. The glossary and the
 * coverage map follow, built by `buildPlan` from the whole plan.
 */
import { type Block, PAGE_BREAK } from '../../document';
import { type PlanContext } from '../context';
import { alternateProcessingAppendix } from './alternate-processing';
import { associatedPlansAppendix } from './associated-plans';
import { personnelAppendix, vendorAppendix } from './contacts';
import { interconnectionsAppendix, inventoryAppendix } from './inventory';
import { methodAppendix } from './method';
import { parametersAppendix } from './parameters';

/** The appendices built from the model alone, in print order. */
export function appendices(ctx: PlanContext): Block[] {
  return [
    PAGE_BREAK,
    ...personnelAppendix(ctx),
    ...vendorAppendix(ctx),
    ...alternateProcessingAppendix(ctx),
    ...inventoryAppendix(ctx),
    ...interconnectionsAppendix(ctx),
    ...associatedPlansAppendix(ctx),
    ...parametersAppendix(ctx),
    ...methodAppendix(ctx),
  ];
}
