/**
 * The plan's appendices: the parameters with their sources, the inventory of components, the
 * interconnections between regions, the method of computation and the glossary. The folder's
 * door: appendices.ts assembles them; one file per appendix with its own helpers.
 */
export { appendices } from './appendices';
