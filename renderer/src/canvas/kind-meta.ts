/** How each node kind looks: its icon and its name for people. */
import {
  Archive,
  Boxes,
  Cloud,
  Database,
  DatabaseBackup,
  Inbox,
  LayoutGrid,
  Plug,
  Waypoints,
  type LucideIcon,
} from 'lucide-react';
import type { NodeKind } from '../../../shared/model/types';

export const KIND_META: Readonly<Record<NodeKind, { icon: LucideIcon; label: string }>> = {
  region: { icon: Cloud, label: 'Region' },
  zone: { icon: LayoutGrid, label: 'Zone' },
  router: { icon: Waypoints, label: 'Router' },
  service: { icon: Boxes, label: 'Service' },
  datastore: { icon: Database, label: 'Datastore' },
  queue: { icon: Inbox, label: 'Queue' },
  objectStore: { icon: Archive, label: 'Object store' },
  backup: { icon: DatabaseBackup, label: 'Backup' },
  external: { icon: Plug, label: 'External' },
};
