/**
 * The recovery roles a runbook step or a RACI row names. The names are those of the roles table
 * of the concept of operations (Table 2, "Recovery roles"); a test checks every name against
 * that table of the built plan, so the two cannot drift apart.
 */

/** The roles of the concept of operations, by what they do in a runbook. */
export const ROLE = {
  director: 'ISCP director',
  authorizingOfficial: 'Authorizing official',
  coordinator: 'ISCP coordinator',
  platform: 'Platform on-call',
  data: 'Data tier on-call',
  communications: 'Communications lead',
} as const;

/** One of the role names. */
export type RoleName = (typeof ROLE)[keyof typeof ROLE];
