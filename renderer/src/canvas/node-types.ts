/** The node and edge components, as module constants so React Flow never sees new objects. */
import type { EdgeTypes, NodeTypes } from '@xyflow/react';
import type { EdgeKind, NodeKind } from '../../../shared/model/types';
import { ComponentNode } from './nodes/ComponentNode';
import { RegionNode, ZoneNode } from './nodes/ContainerNodes';
import { BacksUpEdge, DependsEdge, ReplicatesEdge } from './edges/PlanEdges';

export const nodeTypes = {
  region: RegionNode,
  zone: ZoneNode,
  router: ComponentNode,
  service: ComponentNode,
  datastore: ComponentNode,
  queue: ComponentNode,
  objectStore: ComponentNode,
  backup: ComponentNode,
  external: ComponentNode,
} satisfies Record<NodeKind, NodeTypes[string]>;

export const edgeTypes = {
  depends: DependsEdge,
  replicates: ReplicatesEdge,
  'backs-up': BacksUpEdge,
} satisfies Record<EdgeKind, EdgeTypes[string]>;
