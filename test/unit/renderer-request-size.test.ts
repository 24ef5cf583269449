import { describe, expect, it } from 'vitest';
import { tooLargeToSend, utf8Length } from '../../src/renderer/src/api/request-size';
import { MAX_REQUEST_BYTES } from '../../src/shared/ws-protocol';

describe('request size as the page measures it before sending', () => {
  it('counts UTF-8 bytes as the socket will send them', () => {
    for (const text of ['', 'abc', 'é', '€', '😀', 'a😀b€é', '"\\\n', '\ud800x', 'x\udc00', '\ud800']) {
      expect(utf8Length(text)).toBe(new TextEncoder().encode(text).length);
    }
  });

  it('lets a request up to the limit through and refuses one byte more, with both sizes', () => {
    expect(tooLargeToSend('é'.repeat(5), 10)).toBeNull();
    expect(tooLargeToSend(`${'é'.repeat(5)}x`, 10)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_REQUEST', name: 'RequestTooLarge', details: { bytes: 11, limit: 10 } },
    });
  });

  it('refuses a file of control characters, which JSON escapes six bytes each, naming the sizes', () => {
    const text = '\u0001'.repeat(20 * 1024 * 1024);
    const frame = JSON.stringify({ id: 1, channel: 'sql.importPreview', req: { text } });
    expect(tooLargeToSend(frame)?.error).toMatchObject({
      message:
        `This request is 120 MB once encoded, more than the ${MAX_REQUEST_BYTES / 1024 / 1024} MB ` +
        'the app takes at once. Use a smaller file, or split it into several.',
    });
  }, 30_000);

  it('lets the largest CSV the import dialog accepts through when it is quoted throughout', () => {
    // 50 MB of quoted fields and line breaks: the JSON frame is larger than the file, and still fits.
    const line = '"a","b"\n';
    const text = line.repeat((50 * 1024 * 1024) / line.length);
    const frame = JSON.stringify({ id: 1, channel: 'sql.importPreview', req: { text } });
    expect(frame.length).toBeGreaterThan(64 * 1024 * 1024);
    expect(tooLargeToSend(frame)).toBeNull();
  }, 30_000);
});
