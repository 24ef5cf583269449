/** What each DynamoDB backend can do; the app reads these flags instead of meeting failures. */
export interface DynamoCapabilities {
  partiql: boolean;
  transactions: boolean;
  streams: boolean;
  ttl: boolean;
}

export type DynamoBackendKind = 'dynamodb-local' | 'dynalite';

export const CAPABILITIES: Record<DynamoBackendKind, DynamoCapabilities> = {
  'dynamodb-local': { partiql: true, transactions: true, streams: true, ttl: true },
  // dynalite has no PartiQL, transactions or streams, and only DescribeTimeToLive (no UpdateTimeToLive).
  dynalite: { partiql: false, transactions: false, streams: false, ttl: false },
};

// dynalite 4.0.0's `validOperations` (node_modules/dynalite/index.js); any other operation is answered
// by the proxy with a clear error instead of dynalite's bare UnknownOperationException.
const DYNALITE_OPERATIONS = new Set([
  'BatchGetItem',
  'BatchWriteItem',
  'CreateTable',
  'DeleteItem',
  'DeleteTable',
  'DescribeTable',
  'DescribeTimeToLive',
  'GetItem',
  'ListTables',
  'PutItem',
  'Query',
  'Scan',
  'TagResource',
  'UntagResource',
  'ListTagsOfResource',
  'UpdateItem',
  'UpdateTable',
]);

/** Whether the backend implements `operation` (an X-Amz-Target operation name). */
export function supportsOperation(kind: DynamoBackendKind, operation: string): boolean {
  return kind !== 'dynalite' || DYNALITE_OPERATIONS.has(operation);
}

// Operations that read or write items: the only ones AWS answers with ProvisionedThroughputExceeded
// (table and control-plane calls are throttled with other errors), so the throttle fault spares the rest.
export const DATA_PLANE_OPERATIONS = new Set([
  'GetItem',
  'PutItem',
  'UpdateItem',
  'DeleteItem',
  'Query',
  'Scan',
  'BatchGetItem',
  'BatchWriteItem',
  'TransactGetItems',
  'TransactWriteItems',
  'ExecuteStatement',
  'BatchExecuteStatement',
  'ExecuteTransaction',
]);
