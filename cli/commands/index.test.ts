import { describe, expect, it } from 'vitest';
import { COMMAND_NAMES, loadCommand, loadCommands } from './index';

describe('the commands, loaded by name', () => {
  it('loads each command under its own name, and nothing for an unknown one', async () => {
    for (const name of COMMAND_NAMES) expect((await loadCommand(name))?.name).toBe(name);
    expect(await loadCommand('toString')).toBeUndefined();
    expect(await loadCommand('nope')).toBeUndefined();
    expect((await loadCommands()).map((c) => c.name)).toEqual(COMMAND_NAMES);
  });
});
