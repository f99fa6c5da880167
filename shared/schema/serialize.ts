/**
 * Writing a project file: keys in the schema's declared order, 2-space indent, a final newline,
 * so that a saved file diffs well in git and saving twice gives the same bytes.
 */
import type { NinesDocument } from '../model/types';
import { documentSchema } from './nines-v1';

/** Serializes a valid document; throws on a document the schema refuses (a programmer error). */
export function serializeDocument(doc: NinesDocument): string {
  // Parsing rebuilds every object in the schema's key order, whatever order edits left.
  const ordered = documentSchema.parse(doc);
  return `${JSON.stringify(ordered, null, 2)}\n`;
}
