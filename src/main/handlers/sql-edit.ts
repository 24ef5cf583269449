import type { Handlers } from '../../shared/rpc';
import { withProfileConnection, type ProfileConnector } from '../mysql/table-connection';
import { applyEdits } from '../mysql/table-edit-apply';
import { editStatements } from '../mysql/table-edit-sql';
import { readTableInfo } from '../mysql/table-info';
import { readTableRows } from '../mysql/table-rows';

export function sqlEditHandlers(
  connect: ProfileConnector,
): Pick<Handlers, 'sql.tableInfo' | 'sql.tableRows' | 'sql.previewEdits' | 'sql.applyEdits'> {
  return {
    'sql.tableInfo': (req) =>
      withProfileConnection(connect, req.profileId, (conn, fields) =>
        readTableInfo(conn, req.database, req.table, fields.readOnly),
      ),
    'sql.tableRows': (req) =>
      withProfileConnection(connect, req.profileId, async (conn, fields) => {
        const info = await readTableInfo(conn, req.database, req.table, fields.readOnly);
        return readTableRows(conn, info, req.offset, req.limit);
      }),
    // Generated from the table's current definition, the same way applyEdits generates them.
    'sql.previewEdits': (req) =>
      withProfileConnection(connect, req.profileId, async (conn, fields) => {
        const info = await readTableInfo(conn, req.database, req.table, fields.readOnly);
        return { statements: editStatements(info, req.edits) };
      }),
    'sql.applyEdits': (req) =>
      withProfileConnection(connect, req.profileId, async (conn, fields) => {
        const info = await readTableInfo(conn, req.database, req.table, fields.readOnly);
        return applyEdits(conn, info, req.edits);
      }),
  };
}
