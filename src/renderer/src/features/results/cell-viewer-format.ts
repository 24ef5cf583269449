import type { ColumnMeta } from '@shared/models/sql';

export const HEX_PREVIEW_BYTES = 64 * 1024;

/** `00 ff 10 …` in rows of 16 bytes with offsets, like a hex editor. */
export function hexDump(base64: string, limit = HEX_PREVIEW_BYTES): string {
  const bytes = atob(base64);
  const lines: string[] = [];
  for (let i = 0; i < Math.min(bytes.length, limit); i += 16) {
    const chunk = bytes.slice(i, i + 16);
    const hex = [...chunk].map((c) => c.charCodeAt(0).toString(16).padStart(2, '0')).join(' ');
    const ascii = [...chunk].map((c) => (c >= ' ' && c <= '~' ? c : '.')).join('');
    lines.push(`${i.toString(16).padStart(8, '0')}  ${hex.padEnd(47)}  ${ascii}`);
  }
  return lines.join('\n');
}

/** JSON pretty-printed when the value is JSON (by type, or text that parses as an object or array). */
export function prettyJson(value: string, column: ColumnMeta): string | undefined {
  const looksJson = column.type === 'JSON' || /^\s*[[{]/.test(value);
  if (!looksJson) return undefined;
  try {
    return JSON.stringify(JSON.parse(value), null, 2);
  } catch {
    return undefined;
  }
}
