import { existsSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryCode } from '../../src/shared/dynamo/query-code';
import { tableCreateCli } from '../../src/main/dynamo/table-code';
import { instanceCliCommand } from '../../src/renderer/src/features/rds/detail/instance-cli';
import type { DynamoTableDetail } from '../../src/shared/models/dynamo';
import { makeTempDir, type TempDir } from '../support/temp-dir';
import { ordersPrimary } from './support/rds-instance-fixtures';
import { optionValue, shellArgv } from './support/shell-argv';

// What a server, or a lab or endpoint the user was pointed at, can put into a copied command: each
// value must reach the AWS CLI as the one word it is, and nothing in it may run in the user's shell.
const EVIL_REGION = 'us-east-1; touch pwned-region';
const EVIL_ID = '$(touch pwned-id)';
const EVIL_LIST_ITEM = '--endpoint-url=http://127.0.0.1:9/steal';

let dir: TempDir;
beforeAll(async () => {
  dir = await makeTempDir('cli-words');
});
afterAll(async () => {
  await dir.remove();
});

function run(command: string): string[] {
  // A folder of its own per command, so a trace left by one cannot be blamed on another.
  const cwd = mkdtempSync(join(dir.path, 'run-'));
  const argv = shellArgv(command, { cwd, env: { DB_MASTER_PASSWORD: 'from-env' } });
  for (const trace of ['pwned-region', 'pwned-id', 'pwned-type'])
    expect(existsSync(join(cwd, trace)), `${trace} was created`).toBe(false);
  return argv;
}

const table = (overrides: Partial<DynamoTableDetail> = {}): DynamoTableDetail => ({
  name: 'Orders',
  region: 'eu-west-1',
  status: 'ACTIVE',
  partitionKey: { name: 'pk', type: 'S' },
  attributes: [{ name: 'pk', type: 'S' }],
  indexes: [],
  billingMode: 'PROVISIONED',
  provisioned: { readUnits: 5, writeUnits: 2 },
  deletionProtection: false,
  tags: [],
  replicas: [],
  ...overrides,
});

describe('Copy as AWS CLI: every value one shell word', () => {
  it('RDS create-db-instance keeps a region, identifier and tags as the words they are', () => {
    const argv = run(
      instanceCliCommand(
        ordersPrimary({
          id: EVIL_ID,
          region: EVIL_REGION,
          tags: [{ key: 'note', value: 'a,Value=b x' }],
        }),
      ),
    );
    expect(argv.slice(0, 2)).toEqual(['rds', 'create-db-instance']);
    expect(optionValue(argv, '--region')).toBe(EVIL_REGION);
    expect(optionValue(argv, '--db-instance-identifier')).toBe(EVIL_ID);
    expect(optionValue(argv, '--master-user-password')).toBe('from-env');
    expect(JSON.parse(optionValue(argv, '--tags') ?? '')).toEqual([{ Key: 'note', Value: 'a,Value=b x' }]);
  });

  it('RDS read replica keeps the source region one word', () => {
    const argv = run(
      instanceCliCommand(
        ordersPrimary({
          id: 'orders-eu',
          region: 'eu-west-1',
          role: 'replica',
          sourceId: 'orders',
          source: { id: 'orders', region: EVIL_REGION, arn: 'arn:aws:rds:x:1:db:orders' },
        }),
      ),
    );
    expect(optionValue(argv, '--source-region')).toBe(EVIL_REGION);
    expect(optionValue(argv, '--region')).toBe('eu-west-1');
  });

  it('RDS list values that look like options cannot become options of the CLI', () => {
    const argv = run(instanceCliCommand(ordersPrimary({ securityGroupIds: ['sg-1', EVIL_LIST_ITEM] })));
    // The only --endpoint-url word allowed is inside the list's own argument.
    expect(argv.filter((word) => word.startsWith('--endpoint-url'))).toEqual([]);
    expect(JSON.parse(optionValue(argv, '--vpc-security-group-ids') ?? '')).toEqual(['sg-1', EVIL_LIST_ITEM]);
  });

  it('DynamoDB create-table quotes the region and every value the endpoint described', () => {
    const argv = run(
      tableCreateCli(
        table({
          name: EVIL_ID,
          region: EVIL_REGION,
          billingMode: 'PAY_PER_REQUEST; touch pwned-type' as DynamoTableDetail['billingMode'],
          stream: { enabled: true, viewType: 'KEYS_ONLY; touch pwned-type' as 'KEYS_ONLY' },
        }),
      ),
    );
    expect(argv.slice(0, 2)).toEqual(['dynamodb', 'create-table']);
    expect(optionValue(argv, '--region')).toBe(EVIL_REGION);
    expect(optionValue(argv, '--table-name')).toBe(EVIL_ID);
    expect(optionValue(argv, '--billing-mode')).toBe('PAY_PER_REQUEST; touch pwned-type');
  });

  it('DynamoDB scan and query keep the region and table one word each', () => {
    const { cli } = queryCode(
      { operation: 'Query', tableName: EVIL_ID, indexName: '-x', limit: 25 },
      EVIL_REGION,
    );
    const argv = run(cli);
    expect(argv.slice(0, 2)).toEqual(['dynamodb', 'query']);
    expect(optionValue(argv, '--region')).toBe(EVIL_REGION);
    expect(optionValue(argv, '--table-name')).toBe(EVIL_ID);
    expect(optionValue(argv, '--index-name')).toBe('-x');
    expect(argv).not.toContain('-x');
  });
});
