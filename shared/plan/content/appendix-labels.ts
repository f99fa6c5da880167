/**
 * The appendices' headings and the labels other chapters cite them by. The letters here are
 * provisional and unique: `numberCrossReferences` (./cross-references.ts) letters the appendices
 * A, B, … in the order the plan prints them and rewrites every `Appendix X` and `Table X.n`
 * accordingly. The first five keep the letters the plan has always used, so that a chapter that
 * writes "Appendix A" for the parameters still points at them.
 */
import { appendix, type HeadingBlock } from '../document';

/** Each appendix: provisional letter, heading id and title. */
export const APPENDIX = {
  parameters: { letter: 'A', id: 'appendix-parameters', title: 'Parameters and their sources' },
  inventory: { letter: 'B', id: 'appendix-inventory', title: 'Component inventory' },
  interconnections: { letter: 'C', id: 'appendix-interconnections', title: 'Interconnections' },
  method: { letter: 'D', id: 'appendix-method', title: 'Availability method' },
  glossary: { letter: 'E', id: 'appendix-glossary', title: 'Glossary and acronyms' },
  personnel: { letter: 'F', id: 'appendix-personnel', title: 'Personnel contact list' },
  vendors: { letter: 'G', id: 'appendix-vendors', title: 'Vendor contact list' },
  alternateProcessing: {
    letter: 'H',
    id: 'appendix-alternate-processing',
    title: 'Alternate processing procedures',
  },
  associatedPlans: {
    letter: 'I',
    id: 'appendix-associated-plans',
    title: 'Associated plans and procedures',
  },
  coverage: { letter: 'J', id: 'appendix-coverage', title: 'Coverage of the NIST ISCP template' },
} as const;

/** An appendix key of {@link APPENDIX}. */
export type AppendixKey = keyof typeof APPENDIX;

/** The appendix's heading, e.g. `Appendix A. Parameters and their sources`. */
export function appendixHeading(key: AppendixKey): HeadingBlock {
  const a = APPENDIX[key];
  return appendix(`Appendix ${a.letter}. ${a.title}`, a.id);
}

/** How the text cites the appendix, e.g. `Appendix A`. */
export function appendixRef(key: AppendixKey): string {
  return `Appendix ${APPENDIX[key].letter}`;
}

/** The caption prefix of the appendix's `n`-th table, e.g. `Table A.1.`. */
export function appendixTable(key: AppendixKey, n: number): string {
  return `Table ${APPENDIX[key].letter}.${n}.`;
}
