/**
 * A value written into SQL text so that it reads the same under every sql_mode. mysql2's `?`
 * placeholders escape with backslashes, which NO_BACKSLASH_ESCAPES reads as plain characters: a key
 * holding `\'` then ends the literal early (a wrong range, or SQL of the key's making). Text goes as
 * hex with a character-set introducer, which is still a string literal, so the comparison uses the
 * column's collation as a quoted string would; binary values go as hex; numbers as they are.
 */
export function sqlLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`Cannot compare with ${String(value)}`);
    return String(value);
  }
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (Buffer.isBuffer(value)) return `X'${value.toString('hex')}'`;
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return `_utf8mb4 X'${Buffer.from(text, 'utf8').toString('hex')}'`;
}
