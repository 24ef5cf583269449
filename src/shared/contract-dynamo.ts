import { z } from 'zod';
import { clientIdSchema } from './client-id';
import { awsProfileNameSchema, awsRegionSchema } from './models/aws';
import type {
  BuiltExpression,
  ConsumedCapacity,
  DynamoEndpointInfo,
  DynamoItem,
  DynamoJobProgress,
  DynamoPriceTable,
  DynamoReadPage,
  DynamoRegionTables,
  DynamoTableDetail,
  DynamoThrottleNotice,
  PartiqlBatchResult,
  PartiqlPage,
  RejectedItem,
  StreamRecordDto,
  StreamTailStatus,
} from './models/dynamo';
import {
  attributeNameSchema,
  createTableSchema,
  dynamoItemSchema,
  dynamoTableNameSchema,
  dynamoTarget,
  dynamoValueSchema,
  priceTableSchema,
  readRequestSchema,
  stagedChangeSchema,
} from './models/dynamo-schemas';

// The `dynamo.*` part of the contract, spread into contract.ts so the domain's channels live together.
const table = { ...dynamoTarget, table: dynamoTableNameSchema };
const jobId = z.string().min(1).max(64);
const statement = z.string().min(1, 'Nothing to run').max(8192);
const parameters = z.array(dynamoValueSchema).max(100).optional();

export const dynamoRequestSchemas = {
  /** What the endpoint behind the profile can do (the lab on dynalite lacks PartiQL, transactions, streams). */
  'dynamo.endpoint': z.object(dynamoTarget).strict(),
  'dynamo.listTables': z
    .object({
      profile: awsProfileNameSchema,
      regions: z.array(awsRegionSchema).min(1, 'Choose at least one region').max(40),
    })
    .strict(),
  'dynamo.describeTable': z.object(table).strict(),
  /** "View as CloudFormation" and "Copy as AWS CLI" of a table. */
  'dynamo.tableCode': z.object(table).strict(),
  'dynamo.createTable': z.object({ ...dynamoTarget, definition: createTableSchema }).strict(),
  /** `confirmName` is the table's name typed again; a mismatch fails with INVALID_REQUEST. */
  'dynamo.deleteTable': z.object({ ...table, confirmName: z.string().max(255) }).strict(),
  'dynamo.updateTtl': z
    .object({ ...table, enabled: z.boolean(), attribute: attributeNameSchema.max(255) })
    .strict(),
  'dynamo.updateStream': z
    .object({
      ...table,
      enabled: z.boolean(),
      viewType: z.enum(['KEYS_ONLY', 'NEW_IMAGE', 'OLD_IMAGE', 'NEW_AND_OLD_IMAGES']).optional(),
    })
    .strict(),
  /** One page of a scan or query; `cursor` is the previous page's. */
  'dynamo.read': z
    .object({ ...dynamoTarget, request: readRequestSchema, cursor: dynamoItemSchema.optional() })
    .strict(),
  /** Every page as a job: `dynamo.items` chunks and `dynamo.jobProgress`; scans in parallel segments. */
  'dynamo.fetchAll': z
    .object({
      ...dynamoTarget,
      request: readRequestSchema,
      segments: z.number().int().min(1).max(32).optional(),
      maxItems: z.number().int().min(1).max(10_000_000).optional(),
      /** The job's id (made by the caller so it can listen before it asks); one running is refused. */
      jobId: clientIdSchema.optional(),
    })
    .strict(),
  // Import and export take no file path: the main process picks the file (contract-dynamo-transfer.ts).
  'dynamo.cancelJob': z.object({ jobId }).strict(),
  'dynamo.getItem': z
    .object({ ...table, key: dynamoItemSchema, consistentRead: z.boolean().optional() })
    .strict(),
  /**
   * Writes `item` only if the stored item still equals `expected` (null: a new item, none with its key
   * yet). A change behind the editor's back fails with CONFLICT and `details.current`.
   */
  'dynamo.putItem': z
    .object({
      ...table,
      item: dynamoItemSchema,
      expected: dynamoItemSchema.nullable(),
      keyNames: z.array(attributeNameSchema).min(1).max(2),
    })
    .strict(),
  'dynamo.deleteItem': z
    .object({ ...table, key: dynamoItemSchema, expected: dynamoItemSchema.optional() })
    .strict(),
  'dynamo.deleteItems': z.object({ ...table, keys: z.array(dynamoItemSchema).min(1).max(10_000) }).strict(),
  /** Up to 100 staged changes in one TransactWriteItems; cancelled: CONFLICT with `details.reasons`. */
  'dynamo.transactWrite': z
    .object({ ...dynamoTarget, changes: z.array(stagedChangeSchema).min(1).max(100) })
    .strict(),
  'dynamo.partiql': z
    .object({
      ...dynamoTarget,
      statement,
      parameters,
      nextToken: z.string().max(100_000).optional(),
      limit: z.number().int().min(1).max(10_000).optional(),
      consistentRead: z.boolean().optional(),
    })
    .strict(),
  'dynamo.partiqlBatch': z
    .object({
      ...dynamoTarget,
      statements: z.array(z.object({ statement, parameters }).strict()).min(1).max(25),
    })
    .strict(),
  'dynamo.prices': z.object({}).strict(),
  'dynamo.savePrices': z.object({ prices: priceTableSchema.nullable() }).strict(),
  'dynamo.startStream': z.object(table).strict(),
  'dynamo.stopStream': z.object({ tailId: z.string().min(1).max(64) }).strict(),
};

export interface DynamoResponses {
  'dynamo.endpoint': DynamoEndpointInfo;
  /** In the order asked; a region that failed carries `error` instead of `tables`. */
  'dynamo.listTables': { regions: DynamoRegionTables[] };
  'dynamo.describeTable': DynamoTableDetail;
  'dynamo.tableCode': { cloudformation: string; cli: string };
  'dynamo.createTable': DynamoTableDetail;
  'dynamo.deleteTable': { deleted: boolean; table: string };
  'dynamo.updateTtl': DynamoTableDetail;
  'dynamo.updateStream': DynamoTableDetail;
  'dynamo.read': DynamoReadPage;
  'dynamo.fetchAll': { jobId: string; expression: BuiltExpression };
  'dynamo.cancelJob': { cancelled: boolean };
  'dynamo.getItem': { item?: DynamoItem; consumed: ConsumedCapacity };
  'dynamo.putItem': { item: DynamoItem; consumed: ConsumedCapacity };
  'dynamo.deleteItem': { consumed: ConsumedCapacity };
  'dynamo.deleteItems': { deleted: number; failed: RejectedItem[]; consumed: ConsumedCapacity };
  'dynamo.transactWrite': { committed: number; consumed: ConsumedCapacity };
  'dynamo.partiql': PartiqlPage;
  'dynamo.partiqlBatch': PartiqlBatchResult;
  'dynamo.prices': DynamoPriceTable;
  /** `prices: null` restores the defaults. */
  'dynamo.savePrices': DynamoPriceTable;
  'dynamo.startStream': { tailId: string; streamArn: string };
  'dynamo.stopStream': { stopped: boolean };
}

export interface DynamoEventPayloads {
  /** A job's progress; the last one has state done, cancelled or failed (and the import report). */
  'dynamo.jobProgress': DynamoJobProgress;
  /** A chunk of a fetch-all job's items, in arrival order. */
  'dynamo.items': { jobId: string; items: DynamoItem[] };
  /** A call was throttled and will be retried after `delayMs`. */
  'dynamo.throttled': DynamoThrottleNotice;
  'dynamo.streamRecords': { tailId: string; records: StreamRecordDto[] };
  'dynamo.streamStatus': StreamTailStatus;
}
