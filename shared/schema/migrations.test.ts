import { describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate, type MigrationStep } from './migrations';

const steps: MigrationStep[] = [
  {
    from: 'nines/0',
    to: 'nines/1',
    migrate: ({ title, ...rest }) => ({ ...rest, format: 'nines/1', name: title }),
  },
];

describe('migrate', () => {
  it('ships no step: nines/1 is the first public format', () => {
    expect(MIGRATIONS).toEqual([]);
  });

  it('leaves a current document as it is', () => {
    const raw = { format: 'nines/1', name: 'x' };
    expect(migrate(raw)).toEqual({ ok: true, raw, applied: [] });
  });

  it('applies steps in order and names them', () => {
    const raw = { format: 'nines/0', title: 'Old' };
    expect(migrate(raw, steps)).toEqual({
      ok: true,
      raw: { format: 'nines/1', name: 'Old' },
      applied: ['nines/0 → nines/1'],
    });
    expect(raw).toEqual({ format: 'nines/0', title: 'Old' });
  });

  it('refuses newer, unknown and missing formats with a way forward', () => {
    expect(migrate({ format: 'nines/7' })).toEqual({
      ok: false,
      message:
        '"nines/7" is newer than this version of Nines reads ("nines/1"): update Nines to open it',
    });
    expect(migrate({ format: 'nines/-1' })).toMatchObject({
      ok: false,
      message: 'unknown format "nines/-1" (expected "nines/1")',
    });
    expect(migrate({})).toMatchObject({ ok: false });
  });
});
