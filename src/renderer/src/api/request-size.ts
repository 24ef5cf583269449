import type { Envelope } from '@shared/rpc';
import { MAX_REQUEST_BYTES } from '@shared/ws-protocol';

/** UTF-8 length as the socket will send it; Blob encodes natively (a JS loop takes seconds at 100 MB). */
export function utf8Length(text: string): number {
  return new Blob([text]).size;
}

const megabytes = (bytes: number): string => (bytes / (1024 * 1024)).toFixed(0);

/**
 * The refusal for a request frame the app would close unread (over MAX_REQUEST_BYTES), or null when
 * it fits. The UI shows the message; `details` carry the sizes.
 */
export function tooLargeToSend(
  json: string,
  limit = MAX_REQUEST_BYTES,
): Extract<Envelope, { ok: false }> | null {
  // Each UTF-16 unit is at most 3 UTF-8 bytes: most requests need no count at all.
  if (json.length * 3 <= limit) return null;
  const bytes = utf8Length(json);
  if (bytes <= limit) return null;
  return {
    ok: false,
    error: {
      name: 'RequestTooLarge',
      code: 'INVALID_REQUEST',
      message:
        `This request is ${megabytes(bytes)} MB once encoded, more than the ${megabytes(limit)} MB ` +
        'the app takes at once. Use a smaller file, or split it into several.',
      details: { bytes, limit },
    },
  };
}
