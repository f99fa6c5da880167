/**
 * What NIST expects of a contingency plan at each FIPS 199 availability impact level, as the
 * plan quotes it. Every entry names the place it was read from; nothing here is paraphrased
 * from memory.
 *
 * Sources:
 * - NIST SP 800-34 Rev. 1, Contingency Planning Guide for Federal Information Systems (May 2010,
 *   errata 11 November 2010), https://nvlpubs.nist.gov/nistpubs/Legacy/SP/nistspecialpublication800-34r1.pdf
 *   (landing page https://csrc.nist.gov/pubs/sp/800/34/r1/upd1/final).
 * - NIST SP 800-53B control baselines as published by NIST in OSCAL:
 *   https://github.com/usnistgov/oscal-content, `nist.gov/SP800-53/rev5/json/NIST_SP-800-53_rev5_{LOW,MODERATE,HIGH}-baseline_profile.json`.
 *
 * SP 800-34's own table numbering is inconsistent (its list of tables and its body captions
 * differ from Table 3-5 on); the body captions are cited here.
 */

/** A FIPS 199 availability impact level. */
export type ImpactLevel = 'low' | 'moderate' | 'high';

/** The document every citation of this module points to. */
export const SP_800_34 = 'NIST SP 800-34 Rev. 1';

/**
 * The exercise SP 800-34 Rev. 1 section 3.5.4 (TT&E Program Summary) sets for each impact level,
 * each "at an organization-defined frequency": low, a tabletop exercise ("is sufficient");
 * moderate, a functional exercise with "an element of system recovery from backup media";
 * high, a full-scale functional exercise that "should include a system failover to the
 * alternate location" and "a full recovery and reconstitution of the information system to a
 * known state". Table 3-6 (ISCP TT&E Activities) marks the tabletop for low impact, the
 * functional exercise for moderate and high, the full-scale functional exercise for high.
 */
export const NIST_EXERCISE: Record<ImpactLevel, { readonly name: string; readonly what: string }> =
  {
    low: {
      name: 'a tabletop exercise',
      what: 'a discussion-based simulation of an emergency with the plan’s main points of contact',
    },
    moderate: {
      name: 'a functional exercise',
      what: 'with an element of system recovery from backup media',
    },
    high: {
      name: 'a full-scale functional exercise',
      what: 'with a system failover to the alternate location and a full recovery and reconstitution to a known state',
    },
  };

/**
 * SP 800-34 Rev. 1 section 3.4.1, Table 3-2 "FIPS 199 Category Backup & Strategy Examples", in
 * its own words (it spells "disc"). The table gives examples, not requirements.
 */
export const NIST_STRATEGY: Record<
  ImpactLevel,
  { readonly backup: string; readonly site: string }
> = {
  low: { backup: 'tape backup', site: 'relocate or cold site' },
  moderate: { backup: 'optical backup, WAN/VLAN replication', site: 'cold or warm site' },
  high: { backup: 'mirrored systems and disc replication', site: 'hot site' },
};

/**
 * What SP 800-34 Rev. 1 section 3.4.3 (Alternate Sites) says of an alternate site at each level:
 * a low-availability system "does not require alternate storage or a processing site (CP-6 and
 * CP-7, respectively)"; "for all FIPS 199 moderate- or high-impact systems, the plan should
 * include a strategy to recover and perform system operations at an alternate facility for an
 * extended period".
 */
export const NIST_ALTERNATE_SITE: Record<ImpactLevel, string> = {
  low: 'a low-impact system does not require an alternate storage or processing site (section 3.4.3), though the organisation may choose one',
  moderate:
    'the plan should include a strategy to recover and perform system operations at an alternate facility for an extended period (section 3.4.3)',
  high: 'the plan should include a strategy to recover and perform system operations at an alternate facility for an extended period (section 3.4.3)',
};

/**
 * The contingency-planning (CP) controls and enhancements SP 800-53B selects for each baseline,
 * from NIST's OSCAL baseline profiles (Rev. 5; CP-1, the policy control, left out). CP-6, CP-7
 * and CP-8 are not in the low baseline.
 */
export const CP_BASELINE: Record<ImpactLevel, readonly string[]> = {
  low: ['CP-2', 'CP-3', 'CP-4', 'CP-9', 'CP-10'],
  moderate: [
    'CP-2(1)(3)(8)',
    'CP-3',
    'CP-4(1)',
    'CP-6(1)(3)',
    'CP-7(1)(2)(3)',
    'CP-8(1)(2)',
    'CP-9(1)(8)',
    'CP-10(2)',
  ],
  high: [
    'CP-2(1)(2)(3)(5)(8)',
    'CP-3(1)',
    'CP-4(1)(2)',
    'CP-6(1)(2)(3)',
    'CP-7(1)(2)(3)(4)',
    'CP-8(1)(2)(3)(4)',
    'CP-9(1)(2)(3)(5)(8)',
    'CP-10(2)(4)',
  ],
};

/**
 * Plan review, SP 800-34 Rev. 1 section 3.6 (Plan Maintenance): "at an organization-defined
 * frequency or whenever significant changes occur to any element of the plan"; "The plans for
 * moderate- or high-impact systems should be reviewed more often." The ISCP templates' Appendix
 * J gives "(e.g. yearly)" as the frequency, and their Plan Approval sample statement attests
 * that the plan "will be tested at least annually".
 */
export const NIST_REVIEW =
  'NIST SP 800-34 Rev. 1 (section 3.6) asks that the plan be reviewed at a frequency the organisation sets, more often for a moderate- or high-impact system, and whenever a significant change occurs; the ISCP templates give yearly as the example and attest in the plan approval that the plan will be tested at least annually.';
