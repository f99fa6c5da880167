/**
 * The plan's appendices: contact lists, alternate processing, inventory, interconnections,
 * associated plans, parameters, the availability method, the glossary and the coverage map of the
 * NIST template. The folder's door: appendices.ts assembles those built from the model alone;
 * the glossary and the coverage map are built from the whole plan.
 */
export { appendices } from './appendices';
export { appendixRef, APPENDIX, type AppendixKey } from '../appendix-labels';
export { vendorNames, vendorsOf } from './contacts';
export {
  acronymsIn,
  glossaryAppendix,
  glossaryRows,
  GLOSSARY_TERMS,
  readableText,
} from './glossary';
export { controlTargets, coverageAppendix, coverageRows, inBaseline } from './coverage';
export { disruptiveScenarios, modesFor } from './alternate-processing';
