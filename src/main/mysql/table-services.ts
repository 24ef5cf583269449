import type { Handlers } from '../../shared/rpc';
import type { DbConnector } from '../connect/db-connector';
import type { EventHub } from '../events';
import { sqlEditHandlers } from '../handlers/sql-edit';
import { sqlExplainHandlers } from '../handlers/sql-explain';
import { sqlExportHandlers } from '../handlers/sql-export';
import type { ProfileService } from '../profiles/profile-service';
import type { AppFiles } from '../files/app-files';
import type { ChooseSavePath } from '../files/save-dialog';
import { ExportService } from './export-service';
import type { ResultWindowReader } from './export-sources';
import { ImportService } from './import-service';
import type { ProfileConnector } from './table-connection';

export interface TableServicesDeps {
  profiles: Pick<ProfileService, 'credentials'>;
  connector: Pick<DbConnector, 'open'>;
  events: Pick<EventHub, 'emit'>;
  /** The app's own folders and one-time downloads (browser mode writes exports there). */
  files: AppFiles;
  /** Electron's save dialog; without it (browser mode) exports become one-time downloads. */
  chooseSavePath?: ChooseSavePath;
  readResult?: ResultWindowReader;
}

type TableChannels =
  | 'sql.tableInfo'
  | 'sql.tableRows'
  | 'sql.previewEdits'
  | 'sql.applyEdits'
  | 'sql.explain'
  | 'sql.export'
  | 'sql.cancelExport'
  | 'sql.importPreview'
  | 'sql.importCsv'
  | 'sql.cancelImport';

/** Table editing, EXPLAIN, export and import, built together because they share the connector. */
export function createTableServices(deps: TableServicesDeps): {
  handlers: Pick<Handlers, TableChannels>;
  dispose(): Promise<void>;
} {
  const connect: ProfileConnector = async (profileId) => {
    const { fields, password, sshPassphrase } = await deps.profiles.credentials(profileId);
    return { conn: await deps.connector.open(fields, password, sshPassphrase), fields };
  };
  const exports = new ExportService({
    connect,
    events: deps.events,
    readResult: deps.readResult,
    destination: deps.chooseSavePath
      ? { kind: 'dialog', chooseSavePath: deps.chooseSavePath }
      : { kind: 'download', folders: deps.files.folders, downloads: deps.files.downloads },
  });
  const imports = new ImportService({ connect, events: deps.events });
  return {
    handlers: {
      ...sqlEditHandlers(connect),
      ...sqlExplainHandlers(connect),
      ...sqlExportHandlers(exports, imports),
    },
    dispose: async () => {
      exports.dispose();
      imports.dispose();
    },
  };
}
