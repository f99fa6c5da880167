import { describe, expect, it } from 'vitest';
import { distinctNames } from './nodes';
import type { ModelNode, Variant } from './types';

const variant = (nodes: ModelNode[]): Variant => ({
  id: 'v',
  name: 'v',
  entry: nodes[0]?.id ?? 'entry',
  nodes,
  edges: [],
});

describe('distinctNames', () => {
  it('a name, else the id', () => {
    const names = distinctNames(
      variant([
        { id: 'db-2', kind: 'datastore', name: 'Orders DB' },
        { id: 'router-1', kind: 'router' },
      ]),
    );
    expect([...names]).toEqual([
      ['db-2', 'Orders DB'],
      ['router-1', 'router-1'],
    ]);
  });

  it('a shared name gets its region location, through zones', () => {
    const names = distinctNames(
      variant([
        { id: 'east', kind: 'region', name: 'US East', location: 'us-east-1' },
        { id: 'east-a', kind: 'zone', parent: 'east' },
        { id: 'west', kind: 'region', location: 'eu-west-1' },
        { id: 'redis-e', kind: 'datastore', name: 'Redis', parent: 'east-a' },
        { id: 'redis-w', kind: 'datastore', name: 'Redis', parent: 'west' },
      ]),
    );
    expect(names.get('redis-e')).toBe('Redis (us-east-1)');
    expect(names.get('redis-w')).toBe('Redis (eu-west-1)');
    expect(names.get('east')).toBe('US East');
  });

  it('the id where the location does not tell them apart', () => {
    const names = distinctNames(
      variant([
        { id: 'east', kind: 'region', location: 'us-east-1' },
        { id: 'app-1', kind: 'service', name: 'App', parent: 'east' },
        { id: 'app-2', kind: 'service', name: 'App', parent: 'east' },
        { id: 'app-3', kind: 'service', name: 'App' },
      ]),
    );
    expect(['app-1', 'app-2', 'app-3'].map((id) => names.get(id))).toEqual([
      'App (app-1)',
      'App (app-2)',
      'App (app-3)',
    ]);
  });
});
