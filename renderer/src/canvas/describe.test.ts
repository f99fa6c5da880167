import { describe, expect, it } from 'vitest';
import { componentDetail, displayName, kindTag, regionCaption } from './describe';

describe('card texts', () => {
  it('sizes a tier as instances × type and how many are needed', () => {
    expect(
      componentDetail({
        id: 'app',
        kind: 'service',
        instances: 6,
        minHealthy: 3,
        instanceType: 'm7i.large',
      }),
    ).toBe('6 × m7i.large · 3 needed');
    expect(componentDetail({ id: 'q', kind: 'queue' })).toBe('1\u00a0instance · 1 needed');
    expect(componentDetail({ id: 'db', kind: 'datastore', instances: 2 })).toBe(
      '2\u00a0instances · 1 needed',
    );
  });

  it('describes a router by its health check, with the TTL when it is DNS', () => {
    expect(componentDetail({ id: 'lb', kind: 'router' })).toBe(
      'load balancer · check 10\u00a0s × 3',
    );
    expect(
      componentDetail({ id: 'dns', kind: 'router', dnsTtlSeconds: 60, healthCheckSeconds: 30 }),
    ).toBe('DNS, TTL 1\u00a0min · check 30\u00a0s × 3');
  });

  it('describes backups, object stores and external services', () => {
    expect(componentDetail({ id: 'b', kind: 'backup' })).toBe('every 1\u00a0d · kept 7\u00a0d');
    expect(componentDetail({ id: 's3', kind: 'objectStore', storageGiB: 500 })).toBe(
      '500\u00a0GiB stored',
    );
    expect(componentDetail({ id: 'pay', kind: 'external', vendor: 'Stripe' })).toBe('Stripe');
  });

  it('names nodes, tags datastores by engine and captions regions', () => {
    expect(displayName({ id: 'use1', kind: 'region' })).toBe('use1');
    expect(displayName({ id: 'use1', kind: 'region', name: 'US East' })).toBe('US East');
    expect(kindTag({ id: 'db', kind: 'datastore', engine: 'redis' })).toBe('redis');
    expect(kindTag({ id: 'db', kind: 'datastore' })).toBe('Datastore');
    expect(regionCaption({ id: 'r', kind: 'region', provider: 'aws', location: 'us-east-1' })).toBe(
      'AWS · us-east-1',
    );
    expect(regionCaption({ id: 'r', kind: 'region' })).toBe('');
  });
});
