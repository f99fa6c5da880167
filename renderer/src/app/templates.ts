/**
 * The templates bundled with the app (assets/templates/*.nines.json), read at build time and
 * parsed like any other file: a template that does not parse is listed with its problems.
 */
import { parseDocumentText, type ParseResult } from '../../../shared/schema/parse';

/** A bundled template: its file stem (the `?template=` key), file name and parse outcome. */
export interface BundledTemplate {
  readonly stem: string;
  readonly fileName: string;
  readonly parsed: ParseResult;
}

const SUFFIX = '.nines.json';

/** Parses template files given as path → text, sorted by file name. */
export function parseTemplates(files: Readonly<Record<string, string>>): BundledTemplate[] {
  return Object.entries(files)
    .map(([path, text]) => {
      const fileName = path.slice(path.lastIndexOf('/') + 1);
      return { stem: fileName.slice(0, -SUFFIX.length), fileName, parsed: parseDocumentText(text) };
    })
    .sort((a, b) => a.fileName.localeCompare(b.fileName));
}

/** Every template bundled with this build. */
export const BUNDLED_TEMPLATES: readonly BundledTemplate[] = parseTemplates(
  import.meta.glob<string>('../../../assets/templates/*.nines.json', {
    query: '?raw',
    import: 'default',
    eager: true,
  }),
);
