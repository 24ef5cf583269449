import type { Connection, ResultSetHeader } from 'mysql2';
import { AppError } from '../../shared/errors';
import type { ApplyEditsResult, RowEdit, RowValues, TableInfo } from '../../shared/models/table-edit';
import { qualifiedName, quoteName, rowLabel, sqlLiteral, editStatements } from './table-edit-sql';

/**
 * Runs the edits in one transaction. Every UPDATE and DELETE names the row by its primary key and its
 * values as loaded, and must touch exactly one row: otherwise everything is rolled back and the error
 * says which row changed (and in which columns) or vanished.
 */
export async function applyEdits(
  conn: Connection,
  info: TableInfo,
  edits: RowEdit[],
): Promise<ApplyEditsResult> {
  const statements = editStatements(info, edits);
  const db = conn.promise();
  const affected: number[] = [];
  await db.query('START TRANSACTION');
  try {
    for (const statement of statements) {
      const edit = edits[statement.index]!;
      let header: ResultSetHeader;
      try {
        [header] = (await db.query(statement.sql)) as unknown as [ResultSetHeader];
      } catch (err) {
        throw withEditContext(err, info, edit);
      }
      if (edit.kind !== 'insert' && header.affectedRows !== 1) {
        throw await conflict(conn, info, edit.original, statement.index);
      }
      affected.push(header.affectedRows);
    }
    await db.query('COMMIT');
    return { applied: statements.length, affected };
  } catch (err) {
    await db.query('ROLLBACK').catch(() => undefined);
    throw err;
  }
}

function withEditContext(err: unknown, info: TableInfo, edit: RowEdit): unknown {
  const e = err as { sqlMessage?: string; message?: string };
  const what = edit.kind === 'insert' ? 'The new row' : `Row ${rowLabel(info, edit.original)}`;
  const reason = e.sqlMessage ?? e.message ?? String(err);
  return new AppError('SQL_ERROR', `${what} could not be saved: ${reason}. Nothing was applied.`);
}

/** Reads the row again by its key to tell "vanished" from "changed" (and which columns changed). */
async function conflict(
  conn: Connection,
  info: TableInfo,
  original: RowValues,
  index: number,
): Promise<AppError> {
  const label = rowLabel(info, original);
  const where = info.primaryKey
    .map(
      (k) =>
        `${quoteName(k)} = ${sqlLiteral(
          original[k] ?? null,
          info.columns.find((c) => c.name === k),
        )}`,
    )
    .join(' AND ');
  const [rows] = await conn.promise().query({ sql: `SELECT * FROM ${qualifiedName(info)} WHERE ${where}` });
  const current = (rows as Record<string, unknown>[])[0];
  if (!current) {
    return new AppError(
      'CONFLICT',
      `Row ${label} was deleted by someone else since it was loaded. Nothing was applied; reload the table.`,
      { index, row: label, reason: 'vanished' },
    );
  }
  const changed = Object.keys(original).filter((name) => !sameValue(original[name], current[name]));
  const columns = changed.length > 0 ? ` (${changed.join(', ')})` : '';
  return new AppError(
    'CONFLICT',
    `Row ${label} was changed by someone else since it was loaded${columns}. Nothing was applied; reload the table to see its current values.`,
    { index, row: label, reason: 'changed', columns: changed },
  );
}

function sameValue(loaded: unknown, now: unknown): boolean {
  if (loaded === null || now === null || now === undefined) return loaded === null && (now ?? null) === null;
  if (typeof loaded === 'object' && Buffer.isBuffer(now)) {
    return (loaded as { $binary: string }).$binary === now.toString('base64');
  }
  return String(loaded) === String(now);
}
