import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Handlers } from '../../shared/rpc';
import type { DbConnector } from '../connect/db-connector';
import type { EventHub } from '../events';
import { sqlEditHandlers } from '../handlers/sql-edit';
import { sqlExplainHandlers } from '../handlers/sql-explain';
import { sqlExportHandlers } from '../handlers/sql-export';
import type { ProfileService } from '../profiles/profile-service';
import { DownloadRegistry } from './export-downloads';
import { ExportService, type ChooseSavePath } from './export-service';
import type { ResultWindowReader } from './export-sources';
import { ImportService } from './import-service';
import type { ProfileConnector } from './table-connection';

export interface TableServicesDeps {
  profiles: Pick<ProfileService, 'credentials'>;
  connector: Pick<DbConnector, 'open'>;
  events: Pick<EventHub, 'emit'>;
  dataDir: string;
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
  downloads: DownloadRegistry;
  dispose(): Promise<void>;
} {
  const connect: ProfileConnector = async (profileId) => {
    const { fields, password, sshPassphrase } = await deps.profiles.credentials(profileId);
    return { conn: await deps.connector.open(fields, password, sshPassphrase), fields };
  };
  const downloads = new DownloadRegistry();
  const exportDir = join(deps.dataDir, 'tmp', 'exports');
  // Downloads live only as long as the process that made them: whatever an earlier run left is stale.
  rmSync(exportDir, { recursive: true, force: true });
  const exports = new ExportService({
    connect,
    events: deps.events,
    readResult: deps.readResult,
    destination: deps.chooseSavePath
      ? { kind: 'dialog', chooseSavePath: deps.chooseSavePath }
      : { kind: 'download', dir: exportDir, downloads },
  });
  const imports = new ImportService({ connect, events: deps.events });
  return {
    handlers: {
      ...sqlEditHandlers(connect),
      ...sqlExplainHandlers(connect),
      ...sqlExportHandlers(exports, imports),
    },
    downloads,
    dispose: async () => {
      exports.dispose();
      imports.dispose();
      await downloads.dispose();
    },
  };
}
