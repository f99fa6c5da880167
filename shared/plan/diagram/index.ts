/**
 * The topology diagram of one variant, drawn from the model: regions as rounded panels, zones
 * as columns inside them, components as cards, `depends` edges as arrows (cross-region ones
 * thicker, in a warning colour), `replicates` edges as dashed lines without arrowheads and
 * `backs-up` edges as dotted arrows, with a legend under the drawing.
 * The folder's door: theme (colours, sizes), labels (what a card says), layout (where boxes go:
 * the file's layout when it reads, else a readable grid), layout-note (the line that says so),
 * zones (the instances each zone holds), roles (standby regions and datastores, replication),
 * legend (what each mark means, the exports' key),
 * shapes (cards, edges, legend), topology (the drawing), mermaid (the Markdown figure) and
 * figure (the block the plan embeds). `arrange` gives the boxes and edge routes a drawing is
 * made from (which edges found a route: the crossing check reads it).
 */
export { CARD, DIAGRAM_COLOURS } from './theme';
export { displayName, componentDetail, wrapText } from './labels';
export { diagramLayout, hasCompleteLayout } from './layout';
export type { DiagramLayout } from './layout';
export { LAYOUT_NOTES } from './layout-note';
export { arrange, buildTopologyDrawing } from './topology';
export type { Arrangement, DiagramOptions } from './topology';
export { mermaidId, toMermaid } from './mermaid';
export { zoneMembers, MAX_MARKS } from './zones';
export type { ZoneMember } from './zones';
export { cardRole, diagramRoles, replicationKey } from './roles';
export { LEGEND_LABELS, marksInUse } from './legend';
export type { LegendKey } from './legend';
export type { CardRole, DiagramRoles, RegionRole, ReplicationRole, ScaledDown } from './roles';
export { figureOptions, topologyFigure } from './figure';
export type { FigureOptions } from './figure';
