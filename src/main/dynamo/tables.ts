import {
  CreateTableCommand,
  DeleteTableCommand,
  DescribeContinuousBackupsCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  ListTablesCommand,
  ListTagsOfResourceCommand,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
  type CreateTableCommandInput,
  type Tag,
} from '@aws-sdk/client-dynamodb';
import { AppError } from '../../shared/errors';
import type { DynamoRegionTables, DynamoTableDetail, StreamViewType } from '../../shared/models/dynamo';
import type { CreateTableInput } from '../../shared/models/dynamo-schemas';
import { toPartError } from '../aws/aws-errors';
import { collectPages } from '../aws/paging';
import { toDynamoError, unsupported } from './dynamo-errors';
import type { DdbSender, DynamoConnection } from './dynamo-connector';
import { toTableDetail, type PartError } from './table-detail-mapper';

/** Every table name of several regions in parallel; a region that fails carries its error in place. */
export async function listTablesAcross(
  regions: readonly string[],
  connect: (region: string) => Promise<DynamoConnection>,
): Promise<DynamoRegionTables[]> {
  return Promise.all(
    [...new Set(regions)].map(async (region): Promise<DynamoRegionTables> => {
      try {
        const { ddb } = await connect(region);
        const tables = await collectPages(async (start) => {
          const page = await ddb.send(new ListTablesCommand({ Limit: 100, ExclusiveStartTableName: start }));
          return { items: page.TableNames, next: page.LastEvaluatedTableName };
        }, 1000);
        return { region, tables };
      } catch (err) {
        return { region, error: toPartError(err, `Listing DynamoDB tables in ${region}`) };
      }
    }),
  );
}

/** DescribeTable plus TTL, PITR and tags; each companion fails in place, not the whole panel. */
export async function describeTable(
  ddb: DdbSender,
  region: string,
  name: string,
): Promise<DynamoTableDetail> {
  let table;
  try {
    ({ Table: table } = await ddb.send(new DescribeTableCommand({ TableName: name })));
  } catch (err) {
    throw toDynamoError(err, `Describing table ${name} in ${region}`);
  }
  if (!table) throw new AppError('NOT_FOUND', `There is no table ${name} in ${region}.`);
  const arn = table.TableArn;
  const [ttl, pitr, tags] = await Promise.allSettled([
    ddb.send(new DescribeTimeToLiveCommand({ TableName: name })),
    ddb.send(new DescribeContinuousBackupsCommand({ TableName: name })),
    arn ? listTags(ddb, arn) : Promise.resolve([]),
  ]);
  const errors: PartError[] = [];
  const value = <T>(result: PromiseSettledResult<T>, part: PartError['part']): T | undefined => {
    if (result.status === 'fulfilled') return result.value;
    // A backend without the call (dynalite and PITR) is not worth an error line.
    if (toDynamoError(result.reason, '').code !== 'UNSUPPORTED')
      errors.push({ part, error: toPartError(result.reason, `Reading ${part}`) });
    return undefined;
  };
  return toTableDetail(table, region, {
    ttl: value(ttl, 'ttl')?.TimeToLiveDescription,
    pitr: value(pitr, 'pitr')?.ContinuousBackupsDescription,
    tags: value(tags, 'tags'),
    errors,
  });
}

function listTags(ddb: DdbSender, arn: string): Promise<Tag[]> {
  return collectPages(async (NextToken) => {
    const page = await ddb.send(new ListTagsOfResourceCommand({ ResourceArn: arn, NextToken }));
    return { items: page.Tags, next: page.NextToken };
  }, 50);
}

/** The CreateTable input for a form's definition (pure). */
export function createTableInput(def: CreateTableInput): CreateTableCommandInput {
  const attributes = new Map<string, string>();
  const keySchema = (pk: { name: string; type: string }, sk?: { name: string; type: string }) => {
    for (const k of [pk, sk]) if (k) attributes.set(k.name, k.type);
    return [
      { AttributeName: pk.name, KeyType: 'HASH' as const },
      ...(sk ? [{ AttributeName: sk.name, KeyType: 'RANGE' as const }] : []),
    ];
  };
  const throughput = def.provisioned && {
    ReadCapacityUnits: def.provisioned.readUnits,
    WriteCapacityUnits: def.provisioned.writeUnits,
  };
  const index = (i: CreateTableInput['indexes'][number]) => ({
    IndexName: i.name,
    KeySchema: keySchema(i.partitionKey, i.sortKey),
    Projection: {
      ProjectionType: i.projection,
      ...(i.projection === 'INCLUDE' ? { NonKeyAttributes: i.nonKeyAttributes ?? [] } : {}),
    },
  });
  const KeySchema = keySchema(def.partitionKey, def.sortKey);
  const gsis = def.indexes.filter((i) => i.kind === 'GSI');
  const lsis = def.indexes.filter((i) => i.kind === 'LSI');
  return {
    TableName: def.table,
    KeySchema,
    BillingMode: def.billingMode,
    ...(def.billingMode === 'PROVISIONED' ? { ProvisionedThroughput: throughput } : {}),
    ...(gsis.length
      ? {
          GlobalSecondaryIndexes: gsis.map((g) => ({
            ...index(g),
            ...(def.billingMode === 'PROVISIONED' ? { ProvisionedThroughput: throughput } : {}),
          })),
        }
      : {}),
    ...(lsis.length ? { LocalSecondaryIndexes: lsis.map(index) } : {}),
    AttributeDefinitions: [...attributes].map(([AttributeName, AttributeType]) => ({
      AttributeName,
      AttributeType: AttributeType as 'S' | 'N' | 'B',
    })),
    ...(def.deletionProtection ? { DeletionProtectionEnabled: true } : {}),
    ...(def.stream ? { StreamSpecification: { StreamEnabled: true, StreamViewType: def.stream } } : {}),
  };
}

export async function createTable(conn: DynamoConnection, def: CreateTableInput): Promise<DynamoTableDetail> {
  if (def.stream && !conn.endpoint.streams) throw unsupported('Streams', conn.endpoint.backend);
  try {
    await conn.ddb.send(new CreateTableCommand(createTableInput(def)));
  } catch (err) {
    throw toDynamoError(err, `Creating table ${def.table}`);
  }
  return describeTable(conn.ddb, conn.region, def.table);
}

/** Deletes only when the name was typed again exactly, as the confirmation asks. */
export async function deleteTable(conn: DynamoConnection, table: string, confirmName: string): Promise<void> {
  if (confirmName !== table)
    throw new AppError('INVALID_REQUEST', `Type the table's name, ${table}, to delete it.`, {
      field: 'confirmName',
    });
  try {
    await conn.ddb.send(new DeleteTableCommand({ TableName: table }));
  } catch (err) {
    throw toDynamoError(err, `Deleting table ${table}`);
  }
}

export async function updateTtl(
  conn: DynamoConnection,
  table: string,
  enabled: boolean,
  attribute: string,
): Promise<DynamoTableDetail> {
  if (!conn.endpoint.ttl) throw unsupported('Changing TTL', conn.endpoint.backend);
  try {
    await conn.ddb.send(
      new UpdateTimeToLiveCommand({
        TableName: table,
        TimeToLiveSpecification: { Enabled: enabled, AttributeName: attribute },
      }),
    );
  } catch (err) {
    throw toDynamoError(err, `Changing TTL of ${table}`);
  }
  return describeTable(conn.ddb, conn.region, table);
}

export async function updateStream(
  conn: DynamoConnection,
  table: string,
  enabled: boolean,
  viewType: StreamViewType | undefined,
): Promise<DynamoTableDetail> {
  if (!conn.endpoint.streams) throw unsupported('Streams', conn.endpoint.backend);
  if (enabled && !viewType)
    throw new AppError('INVALID_REQUEST', 'Choose what the stream records (the view type).', {
      field: 'viewType',
    });
  try {
    await conn.ddb.send(
      new UpdateTableCommand({
        TableName: table,
        StreamSpecification: enabled
          ? { StreamEnabled: true, StreamViewType: viewType }
          : { StreamEnabled: false },
      }),
    );
  } catch (err) {
    throw toDynamoError(err, `Changing the stream of ${table}`);
  }
  return describeTable(conn.ddb, conn.region, table);
}
