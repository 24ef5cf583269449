import { useCallback, useRef, useState } from 'react';
import type { ConsumedCapacity, DynamoItem } from '@shared/models/dynamo';
import { type ApiError, toApiError } from '@renderer/api/api-error';
import { useApi } from '@renderer/api/api-provider';
import { batchItems, batchOutcomes, type BatchOutcome } from './batch-outcomes';
import { planRun } from './run-plan';
import type { PartiqlStatement } from './split-statements';

/** Items per ExecuteStatement page: a grid's worth, and an explicit Limit keeps DynamoDB Local fast. */
export const PAGE_LIMIT = 100;

export interface PartiqlRunState {
  status: 'idle' | 'running' | 'done' | 'error';
  mode: 'single' | 'batch' | null;
  /** The statement a single run ran (its next page runs it again with the token). */
  statement: PartiqlStatement | null;
  items: DynamoItem[];
  /** Changes whenever `items` is replaced, so the grid starts its columns over. */
  generation: number;
  page: number;
  nextToken: string | undefined;
  consumed: ConsumedCapacity | null;
  outcomes: BatchOutcome[] | null;
  error: ApiError | null;
  /** Refused before sending (nothing to run, a mixed or oversized batch). */
  refused: string | null;
  /** Runs finished so far, whatever their outcome: a signal to wait on. */
  runs: number;
}

const INITIAL: PartiqlRunState = {
  status: 'idle',
  mode: null,
  statement: null,
  items: [],
  generation: 0,
  page: 0,
  nextToken: undefined,
  consumed: null,
  outcomes: null,
  error: null,
  refused: null,
  runs: 0,
};

function failed(
  s: PartiqlRunState,
  mode: 'single' | 'batch',
  error: ApiError,
  statement: PartiqlStatement | null,
): PartiqlRunState {
  return {
    ...INITIAL,
    runs: s.runs + 1,
    generation: s.generation + 1,
    status: 'error',
    mode,
    statement,
    error,
  };
}

/** Errors about the statement's text; an endpoint without PartiQL or a lost connection are not. */
const markable = (error: ApiError) =>
  !['UNSUPPORTED', 'UNREACHABLE', 'TIMEOUT', 'AUTH_FAILED', 'ACCESS_DENIED', 'THROTTLED'].includes(
    error.code,
  );

/** A statement DynamoDB refused, with its message, for the editor to mark. */
export interface StatementError {
  statement: PartiqlStatement;
  message: string;
}

/**
 * Runs what the editor gives: one statement with ExecuteStatement (paged by NextToken), several in
 * one BatchExecuteStatement. A run started later wins over one still in flight.
 */
export function usePartiqlRun(profile: string, region: string, onConsumed: (c: ConsumedCapacity) => void) {
  const api = useApi();
  const [state, setState] = useState<PartiqlRunState>(INITIAL);
  const runId = useRef(0);

  const runSingle = useCallback(
    async (statement: PartiqlStatement, nextToken?: string): Promise<StatementError[] | null> => {
      const id = ++runId.current;
      setState((s) => ({ ...s, status: 'running', error: null, refused: null }));
      try {
        const page = await api.call('dynamo.partiql', {
          profile,
          region,
          statement: statement.text,
          limit: PAGE_LIMIT,
          ...(nextToken ? { nextToken } : {}),
        });
        if (id !== runId.current) return null;
        onConsumed(page.consumed);
        setState((s) => ({
          ...INITIAL,
          runs: s.runs + 1,
          status: 'done',
          mode: 'single',
          statement,
          items: page.items,
          generation: s.generation + 1,
          page: nextToken ? s.page + 1 : 1,
          nextToken: page.nextToken,
          consumed: page.consumed,
        }));
        return [];
      } catch (err) {
        if (id !== runId.current) return null;
        const error = toApiError(err);
        // The error replaces the result; the editor's text is never touched.
        setState((s) => failed(s, 'single', error, statement));
        return markable(error) ? [{ statement, message: error.message }] : [];
      }
    },
    [api, profile, region, onConsumed],
  );

  const runBatch = useCallback(
    async (statements: PartiqlStatement[]): Promise<StatementError[] | null> => {
      const id = ++runId.current;
      setState((s) => ({ ...s, status: 'running', error: null, refused: null }));
      try {
        const result = await api.call('dynamo.partiqlBatch', {
          profile,
          region,
          statements: statements.map((s) => ({ statement: s.text })),
        });
        if (id !== runId.current) return null;
        onConsumed(result.consumed);
        const outcomes = batchOutcomes(statements, result);
        setState((s) => ({
          ...INITIAL,
          runs: s.runs + 1,
          status: 'done',
          mode: 'batch',
          items: batchItems(outcomes),
          generation: s.generation + 1,
          consumed: result.consumed,
          outcomes,
        }));
        return outcomes.flatMap((o) =>
          o.error ? [{ statement: o.statement, message: `${o.error.code}: ${o.error.message}` }] : [],
        );
      } catch (err) {
        if (id !== runId.current) return null;
        const error = toApiError(err);
        setState((s) => failed(s, 'batch', error, null));
        // The whole batch was refused: every statement carries the one message.
        return markable(error) ? statements.map((statement) => ({ statement, message: error.message })) : [];
      }
    },
    [api, profile, region, onConsumed],
  );

  /** Runs the statements; resolves to the failed ones (null when a later run took over). */
  const run = useCallback(
    async (statements: PartiqlStatement[]): Promise<StatementError[] | null> => {
      const plan = planRun(statements);
      if (plan.kind === 'refused') {
        runId.current++;
        setState((s) => ({
          ...s,
          status: s.status === 'running' ? 'idle' : s.status,
          refused: plan.message,
        }));
        return [];
      }
      return plan.kind === 'single' ? runSingle(plan.statement) : runBatch(plan.statements);
    },
    [runSingle, runBatch],
  );

  const nextPage = useCallback(async (): Promise<StatementError[] | null> => {
    if (!state.statement || !state.nextToken) return [];
    return runSingle(state.statement, state.nextToken);
  }, [runSingle, state.statement, state.nextToken]);

  return { state, run, nextPage };
}
