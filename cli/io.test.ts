import { describe, expect, it } from 'vitest';
import { terminalIo, type CliIo, type OutStream } from './io';

/** An in-memory stream that records its writes. */
function memory(isTTY = false): OutStream & { text: string } {
  return {
    text: '',
    isTTY,
    write(text: string) {
      this.text += text;
      return true;
    },
  };
}

describe('terminalIo', () => {
  it('reads a stream of its io only when it is first used', () => {
    const out = memory();
    const err = memory(true);
    const read: string[] = [];
    const io: CliIo = {
      get stdout() {
        read.push('stdout');
        return out;
      },
      get stderr() {
        read.push('stderr');
        return err;
      },
    };
    const safe = terminalIo(io);
    expect(read).toEqual([]);
    safe.stdout.write('ok\n');
    expect(read).toEqual(['stdout']);
    expect(out.text).toBe('ok\n');
    // A run that writes nothing to standard error never makes it (Node makes process.stderr
    // when it is first read).
    expect(read).not.toContain('stderr');
    expect(safe.stderr.isTTY).toBe(true);
    safe.stderr.write('bad\n');
    expect(err.text).toBe('bad\n');
  });

  it('escapes what it writes for the terminal, but for writeRaw', () => {
    const out = memory();
    const safe = terminalIo({ stdout: out, stderr: memory() });
    safe.stdout.write('a\u001b[31mb\rc\n');
    expect(out.text).not.toContain('\u001b');
    expect(out.text).not.toContain('\r');
    safe.stdout.writeRaw?.('\r');
    expect(out.text.endsWith('\r')).toBe(true);
  });
});
