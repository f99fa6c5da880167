import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';

vi.mock('electron', () => ({
  app: { isPackaged: true, getPath: vi.fn() },
  ipcMain: { handle: vi.fn() },
  BrowserWindow: { fromWebContents: vi.fn() },
  dialog: {},
  protocol: {},
}));

const { createHandler, HostError, isTrustedSenderUrl } = await import('./handle');
const { saveRequest, openRecentRequest, exportRequest, readRevisionRequest } =
  await import('./files');
const { setDirtyRequest } = await import('./window');

const DEV = 'http://localhost:5173/';

function eventFrom(url: string, parent: object | null = null) {
  return { sender: {}, senderFrame: { url, parent } } as unknown as Parameters<
    ReturnType<typeof createHandler>
  >[0];
}

describe('isTrustedSenderUrl', () => {
  it('trusts pages of the app', () => {
    expect(isTrustedSenderUrl('app://nines/index.html')).toBe(true);
    expect(isTrustedSenderUrl('app://nines/index.html#/plan')).toBe(true);
  });

  it('trusts the dev server only when one is given, and only its origin', () => {
    expect(isTrustedSenderUrl('http://localhost:5173/')).toBe(false);
    expect(isTrustedSenderUrl('http://localhost:5173/index.html', DEV)).toBe(true);
    expect(isTrustedSenderUrl('http://localhost:5174/', DEV)).toBe(false);
    expect(isTrustedSenderUrl('http://127.0.0.1:5173/', DEV)).toBe(false);
  });

  it.each([
    'app://evil/index.html',
    'app://nines.evil.com/index.html',
    'file:///work/out/renderer/index.html',
    'https://nines.example.com/',
    'about:blank',
    'devtools://devtools/bundled/inspector.html',
    '',
  ])('refuses %s', (url) => {
    expect(isTrustedSenderUrl(url, DEV)).toBe(false);
  });
});

describe('createHandler', () => {
  const echo = createHandler(z.strictObject({ n: z.number() }), ({ n }) => n * 2, undefined);

  it('runs the handler for a trusted frame and a valid request', async () => {
    expect(await echo(eventFrom('app://nines/index.html'), { n: 21 })).toEqual({
      ok: true,
      value: 42,
    });
  });

  it('answers forbidden to another origin, without running the handler', async () => {
    const run = vi.fn();
    const handler = createHandler(z.undefined(), run, undefined);
    expect(await handler(eventFrom('https://evil.example/'), undefined)).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    expect(run).not.toHaveBeenCalled();
  });

  it('answers forbidden to a sub-frame, even of the app origin', async () => {
    const result = await echo(eventFrom('app://nines/index.html', { url: 'app://nines/' }), {
      n: 1,
    });
    expect(result).toMatchObject({ ok: false, code: 'forbidden' });
  });

  it('answers forbidden when the frame is gone', async () => {
    const event = { sender: {}, senderFrame: null } as unknown as Parameters<typeof echo>[0];
    expect(await echo(event, { n: 1 })).toMatchObject({ ok: false, code: 'forbidden' });
  });

  it('answers invalid-request, naming the field, to a request the schema refuses', async () => {
    const run = vi.fn();
    const handler = createHandler(z.strictObject({ n: z.number() }), run, undefined);
    const result = await handler(eventFrom('app://nines/'), { n: 'two' });
    expect(result).toMatchObject({ ok: false, code: 'invalid-request' });
    expect(!result.ok && result.message).toContain('n:');
    expect(run).not.toHaveBeenCalled();
  });

  it('keeps the code of a HostError', async () => {
    const handler = createHandler(
      z.undefined(),
      () => {
        throw new HostError('changed-on-disk', 'changed');
      },
      undefined,
    );
    expect(await handler(eventFrom('app://nines/'), undefined)).toEqual({
      ok: false,
      code: 'changed-on-disk',
      message: 'changed',
    });
  });

  it('maps a missing file to not-found and any other failure to io', async () => {
    const missing = Object.assign(new Error('ENOENT: no such file'), { code: 'ENOENT' });
    const denied = Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    for (const [error, code] of [
      [missing, 'not-found'],
      [denied, 'io'],
      [new Error('boom'), 'io'],
    ] as const) {
      const handler = createHandler(z.undefined(), () => Promise.reject(error), undefined);
      expect(await handler(eventFrom('app://nines/'), undefined)).toEqual({
        ok: false,
        code,
        message: error.message,
      });
    }
  });
});

describe('request schemas of the channels', () => {
  const valid = (schema: z.ZodType, value: unknown) => schema.safeParse(value).success;
  const id = '7d444840-9dc0-41b3-b1b7-4b0b5f7c4f8e';

  it('accept the requests the preload sends', () => {
    expect(valid(saveRequest, { suggestedName: 'a.nines.json', text: '{}' })).toBe(true);
    expect(
      valid(saveRequest, { fileId: id, saveAs: true, suggestedName: 'a.nines.json', text: '{}' }),
    ).toBe(true);
    expect(
      valid(saveRequest, { fileId: id, force: true, suggestedName: 'a.nines.json', text: '{}' }),
    ).toBe(true);
    expect(valid(openRecentRequest, { fileId: id })).toBe(true);
    for (const ref of ['HEAD', 'HEAD~1', 'origin/main', 'v1.2.0', '3f2a9c1', '@{u}']) {
      expect(valid(readRevisionRequest, { fileId: id, ref })).toBe(true);
    }
    expect(valid(setDirtyRequest, { isDirty: true })).toBe(true);
    expect(
      valid(exportRequest, {
        suggestedName: 'plan.pdf',
        mimeType: 'application/pdf',
        data: new Uint8Array([37, 80, 68, 70]),
      }),
    ).toBe(true);
  });

  it('refuse paths, unknown fields and wrong types', () => {
    // A renderer cannot smuggle a path to write in place of a file id.
    expect(valid(saveRequest, { fileId: '/etc/passwd', suggestedName: 'x', text: '' })).toBe(false);
    expect(valid(saveRequest, { suggestedName: 'x', text: '', path: '/tmp/x' })).toBe(false);
    expect(valid(saveRequest, { suggestedName: 'x' })).toBe(false);
    expect(valid(saveRequest, { suggestedName: 'x', text: '', force: 'yes' })).toBe(false);
    expect(valid(openRecentRequest, { fileId: '../../secret' })).toBe(false);
    // A revision git would read as an option, or with spaces or control characters, is refused.
    for (const ref of ['', '--output=/tmp/x', '-p', 'HEAD main', 'HEAD\n', 'x'.repeat(257)]) {
      expect(valid(readRevisionRequest, { fileId: id, ref })).toBe(false);
    }
    expect(valid(readRevisionRequest, { fileId: '/etc/passwd', ref: 'HEAD' })).toBe(false);
    expect(valid(setDirtyRequest, { isDirty: 'yes' })).toBe(false);
    expect(valid(exportRequest, { suggestedName: 'x', mimeType: 'pdf', data: 'x' })).toBe(false);
    expect(valid(exportRequest, { suggestedName: 'x', mimeType: 'text/plain', data: 5 })).toBe(
      false,
    );
  });
});
