/**
 * The name a user sees for an exported file: the save dialog's suggestion and the download's
 * `Content-Disposition`. It is built from names a server sent (a table, an index), so it is only ever
 * shown, never joined into a path; still, it is cleaned so that no browser or OS dialog turns it into
 * one (no slashes, no control or bidi characters, no leading dots, a sane length).
 */
const MAX_STEM_CHARS = 120;
const FALLBACK_STEM = 'export';
// Separators, characters Windows refuses in names, controls, format characters (bidi overrides that
// could disguise the extension) and line or paragraph separators.
const UNSAFE_CHAR = /[/\\:*?"<>|\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com\d|lpt\d)$/i;

export function downloadName(stem: string, extension: string): string {
  const chars = Array.from(stem.replace(LONE_SURROGATE, '_').normalize('NFC'), (ch) =>
    UNSAFE_CHAR.test(ch) ? '_' : ch,
  );
  // Leading dots hide the file (or make it `..`); trailing dots and spaces are dropped by Windows.
  let cleaned = chars
    .slice(0, MAX_STEM_CHARS)
    .join('')
    .replace(/^[\s.]+/u, '')
    .replace(/[\s.]+$/u, '');
  if (WINDOWS_DEVICE.test(cleaned)) cleaned = `_${cleaned}`;
  return `${cleaned || FALLBACK_STEM}.${extension}`;
}

/**
 * `attachment` with the name twice (RFC 6266): an ASCII fallback in quotes and the exact name in
 * RFC 5987's `filename*`, percent-encoded outside its attr-char set.
 */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const exact = encodeURIComponent(fileName.replace(LONE_SURROGATE, '_')).replace(
    /['()*]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${exact}`;
}
