/** Quotes one identifier for MySQL/MariaDB (backticks doubled inside). */
export function quoteIdent(name: string): string {
  return `\`${name.replace(/`/g, '``')}\``;
}

export interface TableName {
  schema: string;
  table: string;
}

/** Splits `schema.table` as the check's table list names them (neither part contains a dot). */
export function parseTableName(qualified: string): TableName {
  const dot = qualified.indexOf('.');
  if (dot <= 0 || dot === qualified.length - 1) throw new Error(`Name tables as schema.table: ${qualified}`);
  return { schema: qualified.slice(0, dot), table: qualified.slice(dot + 1) };
}

export function quoteTable(name: TableName): string {
  return `${quoteIdent(name.schema)}.${quoteIdent(name.table)}`;
}
