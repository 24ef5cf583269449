import type { ErrorCode } from '../errors';
import type { AwsPartError } from './aws';

/**
 * One DynamoDB attribute value on the wire: DynamoDB JSON as the service's own wire format spells it.
 * Numbers stay strings (38 digits survive), binary is base64, sets are tagged by their type letter.
 */
export type DynamoValue =
  | { S: string }
  | { N: string }
  | { B: string }
  | { SS: string[] }
  | { NS: string[] }
  | { BS: string[] }
  | { M: Record<string, DynamoValue> }
  | { L: DynamoValue[] }
  | { NULL: true }
  | { BOOL: boolean };

export type DynamoItem = Record<string, DynamoValue>;
export type ScalarType = 'S' | 'N' | 'B';
export type DynamoTypeTag = keyof UnionKeys<DynamoValue>;
type UnionKeys<T> = T extends unknown ? Record<keyof T, true> : never;

/** What an endpoint can do: AWS has everything, the lab says what its backend lacks. */
export interface DynamoEndpointInfo {
  backend: 'aws' | 'dynamodb-local' | 'dynalite';
  partiql: boolean;
  transactions: boolean;
  streams: boolean;
  ttl: boolean;
}

/** Read and write units one call consumed (ReturnConsumedCapacity TOTAL/INDEXES). */
export interface ConsumedCapacity {
  readUnits: number;
  writeUnits: number;
  /** Per table and index, when the service broke it down. */
  parts?: { table: string; index?: string; readUnits: number; writeUnits: number }[];
}

export interface DynamoRegionTables {
  region: string;
  tables?: string[];
  error?: AwsPartError;
}

export interface KeyElement {
  name: string;
  type: ScalarType;
}

export interface DynamoIndex {
  name: string;
  kind: 'GSI' | 'LSI';
  partitionKey: KeyElement;
  sortKey?: KeyElement;
  projection: { type: 'ALL' | 'KEYS_ONLY' | 'INCLUDE'; attributes?: string[] };
  status?: string;
  provisioned?: { readUnits: number; writeUnits: number };
  itemCount?: number;
  sizeBytes?: number;
}

export type StreamViewType = 'KEYS_ONLY' | 'NEW_IMAGE' | 'OLD_IMAGE' | 'NEW_AND_OLD_IMAGES';

export interface DynamoTableDetail {
  name: string;
  region: string;
  arn?: string;
  status: string;
  createdAt?: string;
  partitionKey: KeyElement;
  sortKey?: KeyElement;
  /** Every declared attribute (keys of the table and its indexes). */
  attributes: KeyElement[];
  indexes: DynamoIndex[];
  billingMode: 'PAY_PER_REQUEST' | 'PROVISIONED';
  provisioned?: { readUnits: number; writeUnits: number };
  itemCount?: number;
  sizeBytes?: number;
  ttl?: { status: string; attribute?: string };
  stream?: { enabled: boolean; viewType?: StreamViewType; arn?: string; label?: string };
  pitr?: { status: string; earliestRestore?: string; latestRestore?: string };
  deletionProtection: boolean;
  tableClass?: string;
  tags: { key: string; value: string }[];
  replicas: { region: string; status?: string }[];
  /** Parts that failed to load (TTL, PITR, tags) with their error, the rest still shown. */
  partErrors?: { part: 'ttl' | 'pitr' | 'tags'; error: AwsPartError }[];
}

export type SortKeyOperator = '=' | '<' | '<=' | '>' | '>=' | 'between' | 'begins_with';
export type FilterOperator =
  | '='
  | '<>'
  | '<'
  | '<='
  | '>'
  | '>='
  | 'between'
  | 'begins_with'
  | 'contains'
  | 'not_contains'
  | 'exists'
  | 'not_exists'
  | 'in'
  | 'attribute_type';

/** The expressions a scan or query request became, as the UI shows and copies them. */
export interface BuiltExpression {
  operation: 'Scan' | 'Query';
  tableName: string;
  indexName?: string;
  keyConditionExpression?: string;
  filterExpression?: string;
  projectionExpression?: string;
  expressionAttributeNames?: Record<string, string>;
  expressionAttributeValues?: DynamoItem;
  consistentRead?: boolean;
  scanIndexForward?: boolean;
  limit: number;
  /** Ready to copy. */
  code: { cli: string; sdk: string };
}

export interface DynamoReadPage {
  items: DynamoItem[];
  count: number;
  scannedCount: number;
  /** LastEvaluatedKey; sent back as `cursor` for the next page. Absent on the last page. */
  cursor?: DynamoItem;
  consumed: ConsumedCapacity;
  expression: BuiltExpression;
}

/** A background job (fetch all, export, import) as its progress events report it. */
export interface DynamoJobProgress {
  jobId: string;
  kind: 'fetchAll' | 'export' | 'import';
  state: 'running' | 'done' | 'cancelled' | 'failed';
  /** Items read (fetch all, export) or written (import) so far. */
  processed: number;
  /** Known for imports (items in the file). */
  total?: number;
  /** Export: bytes written to the file so far. */
  bytes?: number;
  consumed: ConsumedCapacity;
  error?: { code: ErrorCode; message: string };
  /** Export: the written file, once done. */
  path?: string;
  /** Import: what was refused, once done. */
  report?: ImportReport;
  /** Calls retried after throttling so far. */
  retries: number;
}

export interface RejectedItem {
  /** 1-based line (JSON lines, CSV data rows count from 1 after the header) or array index + 1. */
  line: number;
  reason: string;
  item?: DynamoItem;
}

export interface ImportReport {
  written: number;
  rejected: RejectedItem[];
}

/** Pushed while a call is retried after throttling. */
export interface DynamoThrottleNotice {
  operation: string;
  table?: string;
  jobId?: string;
  /** The attempt that failed (1 = the first try). */
  attempt: number;
  delayMs: number;
  awsCode: string;
}

export interface TransactReason {
  /** Index of the staged change. */
  index: number;
  code: string;
  message?: string;
  /** The item as it is now, when the condition failed. */
  current?: DynamoItem;
}

export interface PartiqlPage {
  items: DynamoItem[];
  nextToken?: string;
  consumed: ConsumedCapacity;
}

export interface PartiqlBatchResult {
  results: { item?: DynamoItem; error?: { code: string; message: string; current?: DynamoItem } }[];
  consumed: ConsumedCapacity;
}

export interface StreamRecordDto {
  eventId: string;
  eventName: 'INSERT' | 'MODIFY' | 'REMOVE';
  sequenceNumber?: string;
  approximateCreatedAt?: string;
  keys?: DynamoItem;
  oldImage?: DynamoItem;
  newImage?: DynamoItem;
}

export interface StreamTailStatus {
  tailId: string;
  state: 'running' | 'stopped' | 'failed';
  shards?: number;
  error?: { code: ErrorCode; message: string };
}

/** On-demand prices in USD per million request units, per region; `default` for the rest. */
export interface DynamoPriceTable {
  currency: 'USD';
  regions: Record<string, { readPerMillion: number; writePerMillion: number }>;
  default: { readPerMillion: number; writePerMillion: number };
}
