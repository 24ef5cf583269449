import type { DynamoItem, PartiqlBatchResult } from '@shared/models/dynamo';
import type { PartiqlStatement } from './split-statements';

export interface BatchOutcome {
  /** 0-based, in the order the statements were written. */
  index: number;
  statement: PartiqlStatement;
  state: 'ok' | 'failed';
  item?: DynamoItem;
  error?: { code: string; message: string; current?: DynamoItem };
}

/** Each statement beside its answer (BatchExecuteStatement answers in the order it was asked). */
export function batchOutcomes(statements: PartiqlStatement[], result: PartiqlBatchResult): BatchOutcome[] {
  return statements.map((statement, index) => {
    const answer = result.results[index];
    if (!answer)
      return {
        index,
        statement,
        state: 'failed',
        error: { code: 'NoAnswer', message: 'DynamoDB sent no answer for this statement.' },
      };
    if (answer.error) return { index, statement, state: 'failed', error: answer.error };
    return { index, statement, state: 'ok', ...(answer.item ? { item: answer.item } : {}) };
  });
}

/** "3 statements: 2 succeeded, 1 failed" — the line above the list. */
export function batchSummary(outcomes: BatchOutcome[]): string {
  const failed = outcomes.filter((o) => o.state === 'failed').length;
  const total = `${outcomes.length} statement${outcomes.length === 1 ? '' : 's'}`;
  if (failed === 0) return `${total}: all succeeded`;
  if (failed === outcomes.length) return `${total}: all failed`;
  return `${total}: ${outcomes.length - failed} succeeded, ${failed} failed`;
}

/** The items the batch's reads returned, for the grid. */
export function batchItems(outcomes: BatchOutcome[]): DynamoItem[] {
  return outcomes.flatMap((o) => (o.item ? [o.item] : []));
}
