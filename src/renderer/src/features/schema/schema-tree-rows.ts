import type { SchemaObjects } from '@shared/models/schema';
import { formatBytes, formatRowEstimate } from './format-schema';
import { addTable, emptyRow, statusRow, triggerRow } from './schema-tree-table-rows';
import { keys, type TreeInput, type TreeRow } from './schema-tree-types';

export { keys, type Loadable, type RowKind, type TreeInput, type TreeRow } from './schema-tree-types';

/** The rows on screen for the expanded nodes; with a filter, only matches (and their parents) show. */
export function treeRows(input: TreeInput): TreeRow[] {
  const needle = input.filter.trim().toLowerCase();
  const match = (name: string) => needle !== '' && name.toLowerCase().includes(needle);
  const rows: TreeRow[] = [];
  for (const db of input.databases) {
    const dbKey = keys.database(db.name);
    const loaded = input.objects(db.name);
    const objects = loaded?.status === 'success' ? loaded.data : undefined;
    const filtered = needle && !match(db.name) ? filterObjects(objects, input, db.name, match) : undefined;
    if (needle && !match(db.name) && !filtered) continue;
    const expanded = filtered !== undefined || input.expanded.has(dbKey);
    rows.push({
      key: dbKey,
      depth: 0,
      kind: 'database',
      label: db.name,
      expandable: true,
      expanded,
      database: db.name,
      system: db.system,
    });
    if (!expanded) continue;
    if (!objects) {
      rows.push(statusRow(dbKey, 1, db.name, loaded));
      continue;
    }
    addObjects(rows, input, filtered ?? objects, filtered !== undefined, match);
  }
  return rows;
}

/** The objects of a database that match (by name, or by a loaded column); undefined when none. */
function filterObjects(
  objects: SchemaObjects | undefined,
  input: TreeInput,
  db: string,
  match: (name: string) => boolean,
): SchemaObjects | undefined {
  if (!objects) return undefined;
  const hasMatchingColumn = (table: string) => {
    const detail = input.table(db, table);
    return detail?.status === 'success' && detail.data.columns.some((c) => match(c.name));
  };
  const result: SchemaObjects = {
    database: db,
    tables: objects.tables.filter((t) => match(t.name) || hasMatchingColumn(t.name)),
    views: objects.views.filter((v) => match(v) || hasMatchingColumn(v)),
    routines: objects.routines.filter((r) => match(r.name)),
    triggers: objects.triggers.filter((t) => match(t.name)),
  };
  const count = result.tables.length + result.views.length + result.routines.length + result.triggers.length;
  return count > 0 ? result : undefined;
}

function addObjects(
  rows: TreeRow[],
  input: TreeInput,
  objects: SchemaObjects,
  filtering: boolean,
  match: (name: string) => boolean,
): void {
  const db = objects.database;
  const group = (id: string, label: string, count: number, always = false): boolean => {
    if (count === 0 && !always) return false;
    const key = keys.group(db, id);
    const expanded = filtering || input.expanded.has(key);
    rows.push({
      key,
      depth: 1,
      kind: 'group',
      label,
      meta: String(count),
      expandable: true,
      expanded,
      database: db,
    });
    return expanded;
  };
  if (group('tables', 'Tables', objects.tables.length, !filtering)) {
    if (objects.tables.length === 0) {
      rows.push({ ...emptyRow(keys.group(db, 'tables'), 2, db), label: 'No tables' });
    }
    for (const t of objects.tables) {
      const meta = [formatRowEstimate(t.estimatedRows), formatBytes(t.sizeBytes)].filter(Boolean).join(' · ');
      addTable(rows, input, db, t.name, 'table', meta, t.comment, filtering && !match(t.name), match);
    }
  }
  if (group('views', 'Views', objects.views.length)) {
    for (const v of objects.views)
      addTable(rows, input, db, v, 'view', '', '', filtering && !match(v), match);
  }
  if (group('routines', 'Routines', objects.routines.length)) {
    for (const r of objects.routines) {
      rows.push({
        key: JSON.stringify(['r', db, r.kind, r.name]),
        depth: 2,
        kind: 'routine',
        label: r.name,
        meta: r.kind === 'function' ? `function → ${r.returns ?? ''}` : 'procedure',
        expandable: false,
        expanded: false,
        database: db,
        name: r.name,
        ddlKind: r.kind,
      });
    }
  }
  if (group('triggers', 'Triggers', objects.triggers.length)) {
    for (const t of objects.triggers)
      rows.push(triggerRow(db, t.name, `${t.timing} ${t.event} on ${t.table}`, 2));
  }
}
