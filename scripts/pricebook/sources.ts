/**
 * The price book's sources: the catalog's `sources` (a repository file or a web page each) and
 * the sources of figures the cost engine uses that are not prices.
 */
import type { PriceSource } from '../../shared/catalog/price-book';
import { obj, str, type Json } from './catalog-json';

/** Sources of figures the cost engine uses that are not prices (not in the catalog). */
const MODEL_SOURCES: Readonly<Record<string, PriceSource>> = {
  'redis-memory-limit': {
    title:
      'Redis Software docs: Database memory limits (replication doubles memory; Active-Active needs double the memory of regular replication)',
    where: 'https://redis.io/docs/latest/operate/rs/databases/memory-performance/memory-limit/',
    asOf: 'page crawl date unknown',
    confidence: 'primary (docs, no prices)',
  },
};

/** Every source of the book by id, sorted by id: the catalog's, then MODEL_SOURCES. */
export function readSources(catalog: Json): Record<string, PriceSource> {
  const rawSources = obj(catalog.sources, 'sources');
  const sources: Record<string, PriceSource> = {};
  for (const id of Object.keys(rawSources).sort()) {
    const s = obj(rawSources[id], `sources.${id}`);
    const where =
      typeof s.repo === 'string'
        ? `${s.repo}${typeof s.path === 'string' ? ` : ${s.path}` : ''}`
        : str(s.url, `sources.${id}.url`);
    sources[id] = {
      title: str(s.title, `sources.${id}.title`),
      where,
      ...(typeof s.commit === 'string' && /^[0-9a-f]{40}$/.test(s.commit)
        ? { commit: s.commit }
        : {}),
      asOf: str(s.asOf, `sources.${id}.asOf`),
      confidence: str(s.confidence, `sources.${id}.confidence`),
    };
  }

  for (const [id, source] of Object.entries(MODEL_SOURCES)) {
    if (sources[id]) throw new Error(`catalog: source id ${id} is already taken`);
    sources[id] = source;
  }
  return sortedById(sources);
}

/** `sources` with its keys in sorted order (so that the written book does not depend on input order). */
export function sortedById(
  sources: Readonly<Record<string, PriceSource>>,
): Record<string, PriceSource> {
  const sorted: Record<string, PriceSource> = {};
  for (const id of Object.keys(sources).sort()) sorted[id] = sources[id] as PriceSource;
  return sorted;
}
