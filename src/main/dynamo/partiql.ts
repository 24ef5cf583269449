import { BatchExecuteStatementCommand, ExecuteStatementCommand } from '@aws-sdk/client-dynamodb';
import type { DynamoValue, PartiqlBatchResult, PartiqlPage } from '../../shared/models/dynamo';
import { fromAttributeMap, toAttributeValue } from './attribute-values';
import { toConsumed } from './consumed-capacity';
import type { DynamoConnection } from './dynamo-connector';
import { toDynamoError, unsupported } from './dynamo-errors';
import { withRetry, type CallContext } from './with-retry';

const kindOf = (statement: string): 'read' | 'write' => (/^\s*select\b/i.test(statement) ? 'read' : 'write');

/** One page of a PartiQL statement; `nextToken` from the previous page continues it. */
export async function executeStatement(
  conn: DynamoConnection,
  req: {
    statement: string;
    parameters?: DynamoValue[];
    nextToken?: string;
    limit?: number;
    consistentRead?: boolean;
  },
  ctx: CallContext,
): Promise<PartiqlPage> {
  if (!conn.endpoint.partiql) throw unsupported('PartiQL', conn.endpoint.backend);
  const out = await withRetry('ExecuteStatement', undefined, ctx, (abortSignal) =>
    conn.ddb.send(
      new ExecuteStatementCommand({
        Statement: req.statement,
        Parameters: req.parameters?.map(toAttributeValue),
        NextToken: req.nextToken,
        Limit: req.limit,
        ConsistentRead: req.consistentRead,
        ReturnConsumedCapacity: 'TOTAL',
      }),
      { abortSignal },
    ),
  ).catch((err: unknown) => {
    throw toDynamoError(err, 'Running the statement');
  });
  return {
    items: (out.Items ?? []).map(fromAttributeMap),
    ...(out.NextToken ? { nextToken: out.NextToken } : {}),
    consumed: toConsumed(out.ConsumedCapacity, kindOf(req.statement)),
  };
}

/** Several statements in one BatchExecuteStatement; each answers with its item or its own error. */
export async function batchExecute(
  conn: DynamoConnection,
  statements: { statement: string; parameters?: DynamoValue[] }[],
  ctx: CallContext,
): Promise<PartiqlBatchResult> {
  if (!conn.endpoint.partiql) throw unsupported('PartiQL', conn.endpoint.backend);
  const out = await withRetry('BatchExecuteStatement', undefined, ctx, (abortSignal) =>
    conn.ddb.send(
      new BatchExecuteStatementCommand({
        Statements: statements.map((s) => ({
          Statement: s.statement,
          Parameters: s.parameters?.map(toAttributeValue),
        })),
        ReturnConsumedCapacity: 'TOTAL',
      }),
      { abortSignal },
    ),
  ).catch((err: unknown) => {
    throw toDynamoError(err, 'Running the statements');
  });
  const allReads = statements.every((s) => kindOf(s.statement) === 'read');
  return {
    results: (out.Responses ?? []).map((r) =>
      r.Error
        ? {
            error: {
              code: r.Error.Code ?? 'Error',
              message: r.Error.Message ?? r.Error.Code ?? 'Failed',
              ...(r.Error.Item ? { current: fromAttributeMap(r.Error.Item) } : {}),
            },
          }
        : r.Item
          ? { item: fromAttributeMap(r.Item) }
          : {},
    ),
    consumed: toConsumed(out.ConsumedCapacity, allReads ? 'read' : 'write'),
  };
}
