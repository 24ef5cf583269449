import type {
  ContinuousBackupsDescription,
  KeySchemaElement,
  Projection,
  TableDescription,
  Tag,
  TimeToLiveDescription,
} from '@aws-sdk/client-dynamodb';
import type { AwsPartError } from '../../shared/models/aws';
import type {
  DynamoIndex,
  DynamoTableDetail,
  KeyElement,
  ScalarType,
  StreamViewType,
} from '../../shared/models/dynamo';

export interface TableParts {
  ttl?: TimeToLiveDescription;
  pitr?: ContinuousBackupsDescription;
  tags?: Tag[];
  errors?: NonNullable<DynamoTableDetail['partErrors']>;
}

const iso = (d: Date | undefined): string | undefined => (d ? d.toISOString() : undefined);

/** DescribeTable and its companions (TTL, PITR, tags) as one JSON-safe detail (pure). */
export function toTableDetail(
  table: TableDescription,
  region: string,
  parts: TableParts = {},
): DynamoTableDetail {
  const types = new Map<string, ScalarType>(
    (table.AttributeDefinitions ?? []).map((a) => [
      a.AttributeName ?? '',
      (a.AttributeType ?? 'S') as ScalarType,
    ]),
  );
  const keys = (
    schema: KeySchemaElement[] | undefined,
  ): { partitionKey: KeyElement; sortKey?: KeyElement } => {
    const element = (kind: 'HASH' | 'RANGE'): KeyElement | undefined => {
      const name = schema?.find((k) => k.KeyType === kind)?.AttributeName;
      return name === undefined ? undefined : { name, type: types.get(name) ?? 'S' };
    };
    const sortKey = element('RANGE');
    return { partitionKey: element('HASH') ?? { name: '?', type: 'S' }, ...(sortKey ? { sortKey } : {}) };
  };
  const projection = (p: Projection | undefined): DynamoIndex['projection'] => ({
    type: (p?.ProjectionType ?? 'ALL') as DynamoIndex['projection']['type'],
    ...(p?.NonKeyAttributes?.length ? { attributes: p.NonKeyAttributes } : {}),
  });
  const indexes: DynamoIndex[] = [
    ...(table.GlobalSecondaryIndexes ?? []).map((g): DynamoIndex => ({
      name: g.IndexName ?? '?',
      kind: 'GSI',
      ...keys(g.KeySchema),
      projection: projection(g.Projection),
      ...(g.IndexStatus ? { status: g.IndexStatus } : {}),
      ...(g.ProvisionedThroughput?.ReadCapacityUnits
        ? {
            provisioned: {
              readUnits: g.ProvisionedThroughput.ReadCapacityUnits,
              writeUnits: g.ProvisionedThroughput.WriteCapacityUnits ?? 0,
            },
          }
        : {}),
      ...(g.ItemCount !== undefined ? { itemCount: g.ItemCount } : {}),
      ...(g.IndexSizeBytes !== undefined ? { sizeBytes: g.IndexSizeBytes } : {}),
    })),
    ...(table.LocalSecondaryIndexes ?? []).map((l): DynamoIndex => ({
      name: l.IndexName ?? '?',
      kind: 'LSI',
      ...keys(l.KeySchema),
      projection: projection(l.Projection),
      ...(l.ItemCount !== undefined ? { itemCount: l.ItemCount } : {}),
      ...(l.IndexSizeBytes !== undefined ? { sizeBytes: l.IndexSizeBytes } : {}),
    })),
  ];
  const billingMode =
    table.BillingModeSummary?.BillingMode === 'PAY_PER_REQUEST' ? 'PAY_PER_REQUEST' : 'PROVISIONED';
  const throughput = table.ProvisionedThroughput;
  const stream = table.StreamSpecification;
  const pitr = parts.pitr?.PointInTimeRecoveryDescription;
  return {
    name: table.TableName ?? '?',
    region,
    ...(table.TableArn ? { arn: table.TableArn } : {}),
    status: table.TableStatus ?? 'UNKNOWN',
    ...(table.CreationDateTime ? { createdAt: iso(table.CreationDateTime) } : {}),
    ...keys(table.KeySchema),
    attributes: [...types].map(([name, type]) => ({ name, type })),
    indexes,
    billingMode,
    ...(billingMode === 'PROVISIONED' && throughput
      ? {
          provisioned: {
            readUnits: throughput.ReadCapacityUnits ?? 0,
            writeUnits: throughput.WriteCapacityUnits ?? 0,
          },
        }
      : {}),
    ...(table.ItemCount !== undefined ? { itemCount: table.ItemCount } : {}),
    ...(table.TableSizeBytes !== undefined ? { sizeBytes: table.TableSizeBytes } : {}),
    ...(parts.ttl
      ? {
          ttl: {
            status: parts.ttl.TimeToLiveStatus ?? 'DISABLED',
            ...(parts.ttl.AttributeName ? { attribute: parts.ttl.AttributeName } : {}),
          },
        }
      : {}),
    stream: {
      enabled: stream?.StreamEnabled === true,
      ...(stream?.StreamEnabled && stream.StreamViewType
        ? { viewType: stream.StreamViewType as StreamViewType }
        : {}),
      ...(stream?.StreamEnabled && table.LatestStreamArn ? { arn: table.LatestStreamArn } : {}),
      ...(stream?.StreamEnabled && table.LatestStreamLabel ? { label: table.LatestStreamLabel } : {}),
    },
    // An answer without the PITR part (DynamoDB Local) means it is off.
    ...(parts.pitr
      ? {
          pitr: {
            status: pitr?.PointInTimeRecoveryStatus ?? 'DISABLED',
            ...(pitr?.EarliestRestorableDateTime
              ? { earliestRestore: iso(pitr.EarliestRestorableDateTime) }
              : {}),
            ...(pitr?.LatestRestorableDateTime ? { latestRestore: iso(pitr.LatestRestorableDateTime) } : {}),
          },
        }
      : {}),
    deletionProtection: table.DeletionProtectionEnabled === true,
    ...(table.TableClassSummary?.TableClass ? { tableClass: table.TableClassSummary.TableClass } : {}),
    tags: (parts.tags ?? []).map((t) => ({ key: t.Key ?? '', value: t.Value ?? '' })),
    replicas: (table.Replicas ?? []).map((r) => ({
      region: r.RegionName ?? '?',
      ...(r.ReplicaStatus ? { status: r.ReplicaStatus } : {}),
    })),
    ...(parts.errors?.length ? { partErrors: parts.errors } : {}),
  };
}

export type PartError = { part: 'ttl' | 'pitr' | 'tags'; error: AwsPartError };
