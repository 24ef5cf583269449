import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

let eslint: ESLint;
// The first lint loads the config and its parsers, which takes seconds on a busy machine.
beforeAll(async () => {
  eslint = new ESLint({ cwd: ROOT, overrideConfigFile: resolve(ROOT, 'eslint.config.js') });
  await eslint.lintText('export {};\n', { filePath: resolve(ROOT, 'src/shared/warm-up.ts') });
}, 60_000);

/** The import-map complaints about `code` as if it were the file at `path`. */
async function refusals(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\nexport {};\n`, { filePath: resolve(ROOT, path) });
  return (result?.messages ?? [])
    .filter((message) => message.ruleId === 'map/imports' || message.fatal)
    .map((message) => message.message);
}

describe('Import rules of eslint.config.js', () => {
  it.each([
    [
      'the lab importing the app',
      'src/lab/rds/jobs.ts',
      "import { createServices } from '../../main/services';",
    ],
    ['the lab importing the renderer', 'src/lab/lab.ts', "import { api } from '../renderer/src/api/client';"],
    ['src/node importing the app', 'src/node/data-dir.ts', "import type { EventHub } from '../main/events';"],
    ['src/shared importing main', 'src/shared/models/lab.ts', "import type { Lab } from '../../lab/lab';"],
    [
      'a service importing handlers',
      'src/main/replication/peer-access.ts',
      "import { sqlHandlers } from '../handlers/sql';",
    ],
    ['the browser server importing handlers', 'src/main/server/ws-bridge.ts', "import '../handlers/lab';"],
    [
      'DynamoDB code importing MySQL code',
      'src/main/dynamo/transfer-files.ts',
      "import type { ExportService } from '../mysql/export-service';",
    ],
    [
      'DynamoDB code importing the SQL classifier',
      'src/main/dynamo/jobs.ts',
      "import { splitStatements } from '../../shared/sql/split-statements';",
    ],
    [
      'the DynamoDB tab importing an SQL feature',
      'src/renderer/src/features/dynamo/dynamo-tab.tsx',
      "import { SqlTab } from '@renderer/features/sql/sql-tab';",
    ],
    [
      'SQL code importing DynamoDB code',
      'src/main/schema/schema-service.ts',
      "import type { DynamoService } from '../dynamo/dynamo-service';",
    ],
    [
      'the SQL editor importing a DynamoDB view',
      'src/renderer/src/features/sql/sql-tab.tsx',
      "import { ItemGrid } from '../dynamo/explore/item-grid';",
    ],
    [
      'the renderer importing the main process',
      'src/renderer/src/features/rds/rds-tab.tsx',
      "import type { RdsPeer } from '../../../../main/replication/rds-peer';",
    ],
    [
      'the renderer importing the lab',
      'src/renderer/src/app.tsx',
      "import { LAB_REGION } from '../../lab/lab';",
    ],
    [
      "a feature importing another feature's part",
      'src/renderer/src/features/secrets/secrets-table.tsx',
      "import { instanceColumns } from '@renderer/features/rds/instance-columns';",
    ],
    [
      "a feature importing another feature's part by a relative path",
      'src/renderer/src/features/profiles/secret-select.tsx',
      "import { SecretsTable } from '../secrets/secrets-table';",
    ],
    [
      "a feature importing another feature's styles",
      'src/renderer/src/features/dynamo/explore/item-grid.tsx',
      "import classes from '@renderer/features/lab/lab-status-bar.module.css';",
    ],
    [
      'a shared component importing a feature',
      'src/renderer/src/components/confirm-dialog.tsx',
      "import { SqlTab } from '@renderer/features/sql/sql-tab';",
    ],
  ])('refuses %s', async (_kind, path, code) => {
    expect(await refusals(path, code)).toHaveLength(1);
  });

  it.each([
    ['import type', "import type { Handlers } from '../handlers/sql';"],
    ['export from', "export { sqlHandlers } from '../handlers/sql';"],
    ['import()', "export const load = () => import('../handlers/sql');"],
    ["import('…') in a type", "export type H = import('../handlers/sql').Handlers;"],
  ])('counts %s as an import', async (_kind, code) => {
    expect(await refusals('src/main/dynamo/jobs.ts', code)).toHaveLength(1);
  });

  it.each([
    [
      'the lab importing src/node and src/shared',
      'src/lab/rds/jobs.ts',
      "import type { Logger } from '../../node/logger';\nimport { LAB_REGION } from '../../shared/models/lab';",
    ],
    ['the app importing the lab it starts', 'src/main/services.ts', "import { startLab } from '../lab/lab';"],
    [
      'the composition root importing handlers',
      'src/main/services.ts',
      "import { labHandlers } from './handlers/lab';",
    ],
    [
      'a handler importing its service',
      'src/main/handlers/dynamo.ts',
      "import { DynamoService } from '../dynamo/dynamo-service';",
    ],
    [
      'a service importing another area',
      'src/main/dynamo/transfer-files.ts',
      "import { downloadName } from '../files/download-name';",
    ],
    [
      'DynamoDB code importing shared models',
      'src/main/dynamo/jobs.ts',
      "import type { DynamoJobProgress } from '../../shared/models/dynamo';",
    ],
    [
      'the renderer importing src/shared by alias',
      'src/renderer/src/features/dynamo/dynamo-tab.tsx',
      "import type { LabOverview } from '@shared/models/lab';",
    ],
    [
      'a feature importing components/ and api/',
      'src/renderer/src/features/dynamo/dynamo-tab.tsx',
      "import { RegionErrors } from '@renderer/components/region-errors';\nimport { useAwsSelection } from '@renderer/api/use-aws-selection';",
    ],
    [
      "a feature importing another feature's entry",
      'src/renderer/src/features/sql/sql-tab.tsx',
      "import { SchemaPane } from '@renderer/features/schema/schema-pane';",
    ],
    [
      'a feature importing its own parts',
      'src/renderer/src/features/rds/rds-tab.tsx',
      "import { instanceColumns } from './instance-columns';",
    ],
    [
      'the layout opening a feature',
      'src/renderer/src/features/layout/workspace.tsx',
      "import { LazyRdsTab } from '@renderer/features/rds/lazy-rds-tab';",
    ],
  ])('allows %s', async (_kind, path, code) => {
    expect(await refusals(path, code)).toEqual([]);
  });

  it('says which rule an import breaks', async () => {
    const [message] = await refusals('src/lab/cli.ts', "import { createServices } from '../main/services';");
    expect(message).toContain('The lab imports only src/lab, src/shared and src/node');
    expect(message).toContain('../main/services');
  });
});
