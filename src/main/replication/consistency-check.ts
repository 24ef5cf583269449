import type { Connection } from 'mysql2';
import type { ConsistencyProgress, ServerFlavor, TableCheckResult } from '../../shared/models/replication';
import { chunkRanges } from './chunk-bounds';
import { gtidPosition, serverFlavor, waitForPosition } from './gtid-wait';
import type { KeyRange } from './key-range';
import type { NodeConnector } from './node-connector';
import { endQuietly, errorText, openNode } from './node-query';
import { compareOnReplica } from './replica-compare';
import { parseTableName, type TableName } from './sql-names';
import { checksumRange, type RangeChecksum } from './table-checksum';
import { readTableShape, type TableShape } from './table-shape';

export interface ConsistencyCheckOptions {
  checkId: string;
  /** `schema.table` names. */
  tables: string[];
  primaryKey: string;
  replicaKeys: string[];
  connect: NodeConnector;
  chunkRows?: number;
  waitTimeoutSeconds?: number;
  signal: AbortSignal;
  onProgress: (p: ConsistencyProgress) => void;
}

interface TablePlan {
  qualified: string;
  name: TableName;
  shape: TableShape;
  chunks: KeyRange[];
}

const DEFAULT_CHUNK_ROWS = 1000;
const DEFAULT_WAIT_SECONDS = 60;

/**
 * Compares tables between the primary and its replicas: per table, chunk checksums on the primary,
 * then the primary's GTID position, then on each replica a wait for that position and the same
 * checksums. Only SELECTs (and the GTID wait) run on replicas. Aborting destroys the check's
 * connections, so even a long wait ends at once; the result then has phase `cancelled`.
 */
export async function runConsistencyCheck(opts: ConsistencyCheckOptions): Promise<ConsistencyProgress> {
  const chunkRows = Math.max(1, opts.chunkRows ?? DEFAULT_CHUNK_ROWS);
  const timeoutSeconds = opts.waitTimeoutSeconds ?? DEFAULT_WAIT_SECONDS;
  const progress: ConsistencyProgress = {
    checkId: opts.checkId,
    phase: 'checksum-primary',
    done: 0,
    total: 0,
    gtidPosition: null,
    results: [],
    error: null,
  };
  const emit = (): void => opts.onProgress(structuredClone(progress));
  const opened: Connection[] = [];
  const destroyAll = (): void => opened.forEach((conn) => conn.destroy());
  const checkAborted = (): void => {
    if (opts.signal.aborted) throw new Error('cancelled');
  };
  const open = async (key: string): Promise<Connection> => {
    const conn = await openNode(opts.connect, key);
    opened.push(conn);
    if (opts.signal.aborted) conn.destroy();
    return conn;
  };
  const result = (table: string, replicaKey: string, fields: Partial<TableCheckResult>): void => {
    progress.results.push({
      table,
      replicaKey,
      verdict: 'error',
      detail: '',
      chunks: 0,
      rowsPrimary: 0,
      rowsReplica: 0,
      differing: [],
      ...fields,
    });
  };
  opts.signal.addEventListener('abort', destroyAll, { once: true });
  try {
    checkAborted();
    const primary = await open(opts.primaryKey);
    const flavor = await serverFlavor(primary);
    const replicas = new Map<string, Connection | string>();
    for (const key of opts.replicaKeys) {
      checkAborted();
      replicas.set(key, await openReplica(open, key));
    }
    const plans: TablePlan[] = [];
    for (const qualified of opts.tables) {
      checkAborted();
      try {
        const name = parseTableName(qualified);
        const shape = await readTableShape(primary, name);
        if (shape.keyColumns.length === 0) {
          for (const key of opts.replicaKeys) {
            result(qualified, key, {
              verdict: 'skipped',
              detail: 'The table has no primary key to chunk and compare by',
            });
          }
          continue;
        }
        plans.push({
          qualified,
          name,
          shape,
          chunks: await chunkRanges(primary, name, shape.keyColumns, chunkRows, checkAborted),
        });
      } catch (error) {
        checkAborted();
        for (const key of opts.replicaKeys)
          result(qualified, key, { verdict: 'error', detail: errorText(error) });
      }
    }
    progress.total = plans.reduce((sum, plan) => sum + plan.chunks.length * (1 + replicas.size), 0);
    emit();
    for (const plan of plans) {
      await checkTable(plan, primary, flavor, replicas);
    }
    progress.phase = 'done';
  } catch (error) {
    progress.phase = opts.signal.aborted ? 'cancelled' : 'failed';
    progress.error = opts.signal.aborted ? null : errorText(error);
  } finally {
    opts.signal.removeEventListener('abort', destroyAll);
    opened.forEach(endQuietly);
  }
  emit();
  return progress;

  async function checkTable(
    plan: TablePlan,
    primary: Connection,
    flavor: ServerFlavor,
    replicas: Map<string, Connection | string>,
  ): Promise<void> {
    progress.phase = 'checksum-primary';
    const sums: RangeChecksum[] = [];
    try {
      for (const chunk of plan.chunks) {
        checkAborted();
        sums.push(await checksumRange(primary, plan.name, plan.shape, chunk));
        progress.done += 1;
        emit();
      }
      progress.gtidPosition = await gtidPosition(primary, flavor);
    } catch (error) {
      checkAborted();
      progress.done += plan.chunks.length * (1 + replicas.size) - sums.length;
      for (const key of replicas.keys())
        result(plan.qualified, key, { verdict: 'error', detail: errorText(error) });
      return;
    }
    const position = progress.gtidPosition;
    const rowsPrimary = sums.reduce((sum, s) => sum + s.rows, 0);
    for (const [key, replica] of replicas) {
      const base = { chunks: plan.chunks.length, rowsPrimary };
      const doneBefore = progress.done;
      try {
        if (typeof replica === 'string') throw new Error(replica);
        progress.phase = 'waiting-replica';
        emit();
        if (position && !(await waitForPosition(replica, flavor, position, timeoutSeconds))) {
          throw new Error(
            `${key} did not reach the primary's position ${position} within ${timeoutSeconds} s`,
          );
        }
        const outcome = await compareOnReplica({
          primary,
          replica,
          table: plan.name,
          shape: plan.shape,
          chunks: plan.chunks,
          primarySums: sums,
          checkAborted,
          onChunk: () => {
            progress.done += 1;
            emit();
          },
          onNarrowing: () => {
            progress.phase = 'narrowing';
            emit();
          },
        });
        result(plan.qualified, key, { ...base, ...outcome });
      } catch (error) {
        checkAborted();
        progress.done = doneBefore + plan.chunks.length;
        result(plan.qualified, key, { ...base, verdict: 'error', detail: errorText(error) });
      }
      emit();
    }
  }
}

/** The replica's connection, or why it could not be opened (reported per table). */
async function openReplica(
  open: (key: string) => Promise<Connection>,
  key: string,
): Promise<Connection | string> {
  try {
    const conn = await open(key);
    // Belt and braces: this session cannot write even if the replica is writable.
    await conn.promise().query('SET SESSION TRANSACTION READ ONLY');
    return conn;
  } catch (error) {
    return `Could not connect to ${key}: ${errorText(error)}`;
  }
}
