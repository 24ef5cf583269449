import { formatDialect, mariadb, mysql } from 'sql-formatter';

export type SqlDialect = 'mysql' | 'mariadb';

/** The formatter's dialect for a server: MariaDB has its own keywords (RETURNING, sequences…). */
export function dialectOf(serverVersion: string | undefined, engine: string | undefined): SqlDialect {
  return /mariadb/i.test(serverVersion ?? '') || engine === 'mariadb' ? 'mariadb' : 'mysql';
}

export class FormatRefused extends Error {}

/**
 * The text laid out by sql-formatter, keywords in upper case. A script with DELIMITER is refused:
 * the formatter does not know the directive and would merge it into the routine's body.
 */
export function formatSql(text: string, dialect: SqlDialect): string {
  if (/^\s*DELIMITER\s/im.test(text))
    throw new FormatRefused('Scripts with DELIMITER are not formatted; select one statement to format it.');
  const formatted = formatDialect(text, {
    dialect: dialect === 'mariadb' ? mariadb : mysql,
    keywordCase: 'upper',
    tabWidth: 2,
    linesBetweenQueries: 1,
  });
  // Keep a trailing newline if the user had one, so formatting a whole file does not change its end.
  return /\n\s*$/.test(text) ? `${formatted}\n` : formatted;
}
