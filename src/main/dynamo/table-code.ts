import type { DynamoIndex, DynamoTableDetail, KeyElement } from '../../shared/models/dynamo';
import { cliOption } from '../../shared/shell-quote';

const yamlString = (text: string): string => (/^[A-Za-z0-9_.-]+$/.test(text) ? text : JSON.stringify(text));
const logicalId = (name: string): string => {
  const id = name.replace(/[^A-Za-z0-9]/g, '');
  return /^[A-Za-z]/.test(id) ? `${id}Table` : `Table${id}`;
};

function keyLines(pk: KeyElement, sk: KeyElement | undefined, pad: string): string[] {
  const lines = [`${pad}- AttributeName: ${yamlString(pk.name)}`, `${pad}  KeyType: HASH`];
  if (sk) lines.push(`${pad}- AttributeName: ${yamlString(sk.name)}`, `${pad}  KeyType: RANGE`);
  return lines;
}

function indexLines(index: DynamoIndex, provisioned: boolean): string[] {
  const lines = [
    `        - IndexName: ${yamlString(index.name)}`,
    '          KeySchema:',
    ...keyLines(index.partitionKey, index.sortKey, '            '),
    '          Projection:',
    `            ProjectionType: ${index.projection.type}`,
  ];
  if (index.projection.attributes?.length) {
    lines.push(
      '            NonKeyAttributes:',
      ...index.projection.attributes.map((a) => `              - ${yamlString(a)}`),
    );
  }
  if (provisioned && index.kind === 'GSI' && index.provisioned) {
    lines.push(
      '          ProvisionedThroughput:',
      `            ReadCapacityUnits: ${index.provisioned.readUnits}`,
      `            WriteCapacityUnits: ${index.provisioned.writeUnits}`,
    );
  }
  return lines;
}

/** An AWS::DynamoDB::Table resource (YAML) that would create this table again (pure). */
export function tableCloudFormation(t: DynamoTableDetail): string {
  const provisioned = t.billingMode === 'PROVISIONED';
  const lines = [
    "AWSTemplateFormatVersion: '2010-09-09'",
    'Resources:',
    `  ${logicalId(t.name)}:`,
    '    Type: AWS::DynamoDB::Table',
    '    Properties:',
    `      TableName: ${yamlString(t.name)}`,
    `      BillingMode: ${t.billingMode}`,
    '      AttributeDefinitions:',
    ...t.attributes.flatMap((a) => [
      `        - AttributeName: ${yamlString(a.name)}`,
      `          AttributeType: ${a.type}`,
    ]),
    '      KeySchema:',
    ...keyLines(t.partitionKey, t.sortKey, '        '),
  ];
  if (provisioned && t.provisioned) {
    lines.push(
      '      ProvisionedThroughput:',
      `        ReadCapacityUnits: ${t.provisioned.readUnits}`,
      `        WriteCapacityUnits: ${t.provisioned.writeUnits}`,
    );
  }
  for (const kind of ['GSI', 'LSI'] as const) {
    const indexes = t.indexes.filter((i) => i.kind === kind);
    if (!indexes.length) continue;
    lines.push(kind === 'GSI' ? '      GlobalSecondaryIndexes:' : '      LocalSecondaryIndexes:');
    for (const index of indexes) lines.push(...indexLines(index, provisioned));
  }
  if (t.stream?.enabled && t.stream.viewType)
    lines.push('      StreamSpecification:', `        StreamViewType: ${t.stream.viewType}`);
  if (t.ttl?.attribute && t.ttl.status.startsWith('ENABL'))
    lines.push(
      '      TimeToLiveSpecification:',
      `        AttributeName: ${yamlString(t.ttl.attribute)}`,
      '        Enabled: true',
    );
  if (t.pitr?.status === 'ENABLED')
    lines.push('      PointInTimeRecoverySpecification:', '        PointInTimeRecoveryEnabled: true');
  if (t.deletionProtection) lines.push('      DeletionProtectionEnabled: true');
  if (t.tableClass && t.tableClass !== 'STANDARD') lines.push(`      TableClass: ${t.tableClass}`);
  if (t.tags.length) {
    lines.push(
      '      Tags:',
      ...t.tags.flatMap((tag) => [
        `        - Key: ${yamlString(tag.key)}`,
        `          Value: ${yamlString(tag.value)}`,
      ]),
    );
  }
  return `${lines.join('\n')}\n`;
}

/** `aws dynamodb create-table ...` for this table's keys, indexes and settings (pure). */
export function tableCreateCli(t: DynamoTableDetail): string {
  const keys = (pk: KeyElement, sk?: KeyElement): object[] => [
    { AttributeName: pk.name, KeyType: 'HASH' },
    ...(sk ? [{ AttributeName: sk.name, KeyType: 'RANGE' }] : []),
  ];
  const throughput = (p?: { readUnits: number; writeUnits: number }): object | undefined =>
    p && { ReadCapacityUnits: p.readUnits, WriteCapacityUnits: p.writeUnits };
  const index = (i: DynamoIndex): object => ({
    IndexName: i.name,
    KeySchema: keys(i.partitionKey, i.sortKey),
    Projection: {
      ProjectionType: i.projection.type,
      ...(i.projection.attributes?.length ? { NonKeyAttributes: i.projection.attributes } : {}),
    },
    ...(t.billingMode === 'PROVISIONED' && i.kind === 'GSI' && i.provisioned
      ? { ProvisionedThroughput: throughput(i.provisioned) }
      : {}),
  });
  const json = (flag: string, value: unknown): string => cliOption(flag, JSON.stringify(value));
  const args = [
    'aws dynamodb create-table',
    cliOption('--table-name', t.name),
    json(
      '--attribute-definitions',
      t.attributes.map((a) => ({ AttributeName: a.name, AttributeType: a.type })),
    ),
    json('--key-schema', keys(t.partitionKey, t.sortKey)),
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
