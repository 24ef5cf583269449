import type { CatalogTable, SchemaCatalog } from '@shared/models/schema';
import type { CompletionContext, TableRef } from './sql-completion-context';
import { RESERVED, SQL_FUNCTIONS, SQL_KEYWORDS } from './sql-completion-keywords';

export type SuggestionKind = 'column' | 'table' | 'view' | 'database' | 'keyword' | 'function';

export interface Suggestion {
  label: string;
  kind: SuggestionKind;
  /** Shown beside the label: a column's type and table, a table's database. */
  detail: string;
  insertText: string;
  /** Columns first, then tables, databases, keywords and functions. */
  sortText: string;
}

/** What completion knows of the server: catalogs arrive per database as they are loaded. */
export interface CatalogLookup {
  defaultDatabase: string | null;
  databases: string[];
  catalog(database: string): SchemaCatalog | undefined;
}

const RANK: Record<SuggestionKind, string> = {
  column: '0',
  table: '1',
  view: '1',
  database: '2',
  keyword: '3',
  function: '4',
};

/** A name as it can be typed: backticks around anything but a plain, non-reserved identifier. */
export function sqlName(name: string): string {
  if (/^[A-Za-z_][A-Za-z0-9_$]*$/.test(name) && !RESERVED.has(name.toUpperCase())) return name;
  return '`' + name.replaceAll('`', '``') + '`';
}

/** The databases whose catalogs a context needs (the default one, and those named in it). */
export function databasesNeeded(ctx: CompletionContext, defaultDatabase: string | null): string[] {
  if (ctx.kind === 'none') return [];
  const names = new Set<string>();
  if (defaultDatabase) names.add(defaultDatabase);
  if (ctx.kind === 'table' && ctx.database) names.add(ctx.database);
  if (ctx.kind !== 'table') for (const t of ctx.tables) if (t.database) names.add(t.database);
  if (ctx.kind === 'member') names.add(ctx.qualifier[0]!);
  return [...names];
}

export function completionItems(ctx: CompletionContext, lookup: CatalogLookup): Suggestion[] {
  switch (ctx.kind) {
    case 'none':
      return [];
    case 'table': {
      const db = ctx.database ?? lookup.defaultDatabase;
      const tables = db ? tableItems(lookup.catalog(db), ctx.database === null ? '' : db) : [];
      return ctx.database ? tables : [...tables, ...databaseItems(lookup)];
    }
    case 'member':
      return memberItems(ctx.qualifier, ctx.tables, lookup);
    case 'column': {
      const scope = ctx.tables.flatMap((ref) => {
        const table = findTable(lookup, ref);
        return table ? [{ ref, table }] : [];
      });
      const columns = scope.flatMap(({ ref, table }) => columnItems(table, ref.alias ?? table.name));
      const db = lookup.defaultDatabase;
      return [
        ...columns,
        ...(db ? tableItems(lookup.catalog(db), '') : []),
        ...databaseItems(lookup),
        ...keywordItems(),
      ];
    }
  }
}

function memberItems(qualifier: string[], scope: TableRef[], lookup: CatalogLookup): Suggestion[] {
  const [first, second] = qualifier as [string, string | undefined];
  if (second !== undefined) {
    const table = findTable(lookup, { database: first, table: second, alias: null });
    return table ? columnItems(table, table.name) : [];
  }
  const same = (a: string | null) => a !== null && a.toLowerCase() === first.toLowerCase();
  // An alias names its table; without one, the table's own name does (`users.` after FROM users).
  const ref = scope.find((r) => same(r.alias)) ?? scope.find((r) => r.alias === null && same(r.table));
  const table = findTable(lookup, ref ?? { database: null, table: first, alias: null });
  if (table) return columnItems(table, first);
  // Not a table: maybe a database, whose tables follow the dot.
  const db = lookup.databases.find((d) => d.toLowerCase() === first.toLowerCase()) ?? first;
  return tableItems(lookup.catalog(db), db);
}

function findTable(lookup: CatalogLookup, ref: TableRef): CatalogTable | undefined {
  const db = ref.database ?? lookup.defaultDatabase;
  if (!db) return undefined;
  const tables = lookup.catalog(db)?.tables ?? [];
  // Exact first: on case-sensitive servers `Users` and `users` are two tables.
  return (
    tables.find((t) => t.name === ref.table) ??
    tables.find((t) => t.name.toLowerCase() === ref.table.toLowerCase())
  );
}

function columnItems(table: CatalogTable, source: string): Suggestion[] {
  return table.columns.map((c, i) => ({
    label: c.name,
    kind: 'column',
    detail: `${c.type} · ${source}`,
    insertText: sqlName(c.name),
    // Keep the table's column order within the column group.
    sortText: `${RANK.column}${String(i).padStart(4, '0')}`,
  }));
}

function tableItems(catalog: SchemaCatalog | undefined, database: string): Suggestion[] {
  return (catalog?.tables ?? []).map((t) => ({
    label: t.name,
    kind: t.kind,
    detail: `${t.kind}${database ? ` · ${database}` : ''}`,
    insertText: sqlName(t.name),
    sortText: `${RANK[t.kind]}${t.name}`,
  }));
}

function databaseItems(lookup: CatalogLookup): Suggestion[] {
  return lookup.databases.map((d) => ({
    label: d,
    kind: 'database',
    detail: 'database',
    insertText: sqlName(d),
    sortText: `${RANK.database}${d}`,
  }));
}

function keywordItems(): Suggestion[] {
  const keywords = SQL_KEYWORDS.map((k, i) => ({
    label: k,
    kind: 'keyword' as const,
    detail: 'keyword',
    insertText: k,
    sortText: `${RANK.keyword}${String(i).padStart(3, '0')}`,
  }));
  const functions = SQL_FUNCTIONS.map((f, i) => ({
    label: f,
    kind: 'function' as const,
    detail: 'function',
    insertText: `${f}(`,
    sortText: `${RANK.function}${String(i).padStart(3, '0')}`,
  }));
  return [...keywords, ...functions];
}
