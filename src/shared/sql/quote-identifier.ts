/**
 * A MySQL identifier in backticks, with backticks inside doubled: the only escaping an identifier
 * needs (quotes and backslashes mean nothing in a backtick-quoted name).
 */
export function quoteIdentifier(name: string): string {
  return '`' + name.replaceAll('`', '``') + '`';
}

/** `db`.`name`, each part quoted. */
export function qualifiedName(database: string, name: string): string {
  return `${quoteIdentifier(database)}.${quoteIdentifier(name)}`;
}
