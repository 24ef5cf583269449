import type { DynamoIndex, DynamoTableDetail, KeyElement } from '../../shared/models/dynamo';
import { cliOption } from '../../shared/shell-quote';
import { toYaml, type YamlValue } from '../../shared/yaml';

const logicalId = (name: string): string => {
  const id = name.replace(/[^A-Za-z0-9]/g, '');
  return /^[A-Za-z]/.test(id) ? `${id}Table` : `Table${id}`;
};

type Yaml = { [key: string]: YamlValue | undefined };

const keySchema = (pk: KeyElement, sk: KeyElement | undefined): Yaml[] => [
  { AttributeName: pk.name, KeyType: 'HASH' },
  ...(sk ? [{ AttributeName: sk.name, KeyType: 'RANGE' }] : []),
];

const throughput = (p: { readUnits: number; writeUnits: number }): Yaml => ({
  ReadCapacityUnits: p.readUnits,
  WriteCapacityUnits: p.writeUnits,
});

function indexYaml(index: DynamoIndex, provisioned: boolean): Yaml {
  const attributes = index.projection.attributes;
  return {
    IndexName: index.name,
    KeySchema: keySchema(index.partitionKey, index.sortKey),
    Projection: {
      ProjectionType: index.projection.type,
      NonKeyAttributes: attributes?.length ? attributes : undefined,
    },
    ProvisionedThroughput:
      provisioned && index.kind === 'GSI' && index.provisioned ? throughput(index.provisioned) : undefined,
  };
}

const nonEmpty = <T>(list: T[]): T[] | undefined => (list.length > 0 ? list : undefined);

/** An AWS::DynamoDB::Table resource (YAML) that would create this table again (pure). */
export function tableCloudFormation(t: DynamoTableDetail): string {
  const provisioned = t.billingMode === 'PROVISIONED';
  const indexes = (kind: DynamoIndex['kind']) =>
    nonEmpty(t.indexes.filter((i) => i.kind === kind).map((i) => indexYaml(i, provisioned)));
  const properties: Yaml = {
    TableName: t.name,
    BillingMode: t.billingMode,
    AttributeDefinitions: t.attributes.map((a) => ({ AttributeName: a.name, AttributeType: a.type })),
    KeySchema: keySchema(t.partitionKey, t.sortKey),
    ProvisionedThroughput: provisioned && t.provisioned ? throughput(t.provisioned) : undefined,
    GlobalSecondaryIndexes: indexes('GSI'),
    LocalSecondaryIndexes: indexes('LSI'),
    StreamSpecification:
      t.stream?.enabled && t.stream.viewType ? { StreamViewType: t.stream.viewType } : undefined,
    TimeToLiveSpecification:
      t.ttl?.attribute && t.ttl.status.startsWith('ENABL')
        ? { AttributeName: t.ttl.attribute, Enabled: true }
        : undefined,
    PointInTimeRecoverySpecification:
      t.pitr?.status === 'ENABLED' ? { PointInTimeRecoveryEnabled: true } : undefined,
    DeletionProtectionEnabled: t.deletionProtection || undefined,
    TableClass: t.tableClass && t.tableClass !== 'STANDARD' ? t.tableClass : undefined,
    Tags: nonEmpty(t.tags.map((tag) => ({ Key: tag.key, Value: tag.value }))),
  };
  const template: Yaml = {
    AWSTemplateFormatVersion: '2010-09-09',
    Resources: {
      [logicalId(t.name)]: { Type: 'AWS::DynamoDB::Table', Properties: properties },
    },
  };
  return `${toYaml(template)}\n`;
}

/** `aws dynamodb create-table ...` for this table's keys, indexes and settings (pure). */
export function tableCreateCli(t: DynamoTableDetail): string {
  // The same shapes as the template; JSON leaves out what is undefined there.
  const index = (i: DynamoIndex) => indexYaml(i, t.billingMode === 'PROVISIONED');
  const json = (flag: string, value: unknown): string => cliOption(flag, JSON.stringify(value));
  const args = [
    'aws dynamodb create-table',
    cliOption('--table-name', t.name),
    json(
      '--attribute-definitions',
      t.attributes.map((a) => ({ AttributeName: a.name, AttributeType: a.type })),
    ),
    json('--key-schema', keySchema(t.partitionKey, t.sortKey)),
    cliOption('--billing-mode', t.billingMode),
  ];
  if (t.billingMode === 'PROVISIONED' && t.provisioned) {
    const { readUnits, writeUnits } = t.provisioned;
    args.push(
      cliOption(
        '--provisioned-throughput',
        `ReadCapacityUnits=${readUnits},WriteCapacityUnits=${writeUnits}`,
      ),
    );
  }
  const gsis = t.indexes.filter((i) => i.kind === 'GSI');
  const lsis = t.indexes.filter((i) => i.kind === 'LSI');
  if (gsis.length) args.push(json('--global-secondary-indexes', gsis.map(index)));
  if (lsis.length) args.push(json('--local-secondary-indexes', lsis.map(index)));
  if (t.stream?.enabled && t.stream.viewType)
    args.push(json('--stream-specification', { StreamEnabled: true, StreamViewType: t.stream.viewType }));
  if (t.deletionProtection) args.push('--deletion-protection-enabled');
  if (t.tags.length)
    args.push(
      json(
        '--tags',
        t.tags.map((tag) => ({ Key: tag.key, Value: tag.value })),
      ),
    );
  args.push(cliOption('--region', t.region));
  return args.join(' \\\n  ');
}
