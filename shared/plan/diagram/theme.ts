/** The diagram's look and geometry: card size, spacing of containers, colours, boxes. */
import type { ModelNode } from '../../model/types';

/** Size of a component card in canvas units (px), matching the spacing of the editor. */
export const CARD = { width: 200, height: 76 } as const;

/** Colours of the diagram: restrained greys with one accent per component kind. */
export const DIAGRAM_COLOURS = {
  regionFill: '#f4f6f8',
  regionStroke: '#9aa5b1',
  zoneFill: '#ffffff',
  zoneStroke: '#c3cbd3',
  cardFill: '#ffffff',
  cardStroke: '#7b8794',
  title: '#1f2933',
  muted: '#52606d',
  depends: '#3e4c59',
  crossRegion: '#c2410c',
  replicates: '#6d28d9',
  backsUp: '#7b8794',
  accent: {
    region: '#9aa5b1',
    zone: '#c3cbd3',
    router: '#1d4ed8',
    service: '#15803d',
    datastore: '#6d28d9',
    queue: '#b45309',
    objectStore: '#0e7490',
    backup: '#52606d',
    external: '#b91c1c',
  },
} as const;

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export const PAD = 16;
export const HEADER = 44;
export const ZONE_HEADER = 28;
export const GAP = 16;
export const REGION_GAP = 48;

/** Human name of a kind as printed on a card. */
export const KIND_LABEL: Record<ModelNode['kind'], string> = {
  region: 'Region',
  zone: 'Zone',
  router: 'Router',
  service: 'Service',
  datastore: 'Datastore',
  queue: 'Queue',
  objectStore: 'Object store',
  backup: 'Backup',
  external: 'External',
};

export interface Bounds {
  readonly minX: number;
  readonly minY: number;
  readonly maxX: number;
  readonly maxY: number;
}
