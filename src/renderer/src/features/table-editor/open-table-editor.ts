import type { ColumnMeta } from '@shared/models/sql';
import { useWorkspaceTabs } from '@renderer/stores/workspace-tabs-store';

/** Opens a table in its editor tab (or brings that tab to the front). Callable from anywhere. */
export function openTableEditor(profileId: string, database: string, table: string): void {
  useWorkspaceTabs.getState().openTableTab(profileId, database, table);
}

/**
 * The table a result can be edited in: every column a plain column of the same table, with its
 * primary key among them. Null otherwise (joins, expressions, no key).
 */
export function tableOfResult(columns: ColumnMeta[]): { database: string; table: string } | null {
  const first = columns[0];
  if (!first?.database || !first.table) return null;
  const same = columns.every((c) => c.database === first.database && c.table === first.table && c.orgName);
  if (!same || !columns.some((c) => c.primaryKey)) return null;
  return { database: first.database, table: first.table };
}
