import { createReadStream } from 'node:fs';
import type { ImportReport, KeyElement } from '../../shared/models/dynamo';
import type { FileFormat } from '../../shared/models/dynamo-schemas';
import { toAttributeMap } from './attribute-values';
import { BATCH_SIZE, writeBatch, type BatchEntry } from './batch-writer';
import type { DynamoConnection } from './dynamo-connector';
import { invalidReason, readImportFile } from './import-file';
import type { JobHandle } from './jobs';

/** BatchWriteItem requests under way at once: enough to hide latency, few enough to pace the table. */
const CONCURRENCY = 4;

const keyText = (entry: BatchEntry, keyNames: readonly string[]): string =>
  JSON.stringify(keyNames.map((name) => entry.request.PutRequest?.Item?.[name]));

/** Lines with content, for the progress bar's total (CSV: less its header). */
async function countItems(path: string, format: FileFormat): Promise<number> {
  let lines = 0;
  let content = false;
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    for (const byte of chunk) {
      if (byte === 10) {
        if (content) lines++;
        content = false;
      } else if (byte !== 13 && byte !== 32) content = true;
    }
  }
  if (content) lines++;
  return format === 'csv' ? Math.max(0, lines - 1) : lines;
}

/**
 * Imports a file into a table with BatchWriteItem, 25 items a request. Items that fail validation are
 * reported without being sent; items the service refuses are reported with its reason.
 */
export async function importItems(
  conn: DynamoConnection,
  table: string,
  keys: KeyElement[],
  path: string,
  format: FileFormat,
  job: JobHandle,
): Promise<ImportReport> {
  job.total = await countItems(path, format);
  const keyNames = keys.map((k) => k.name);
  const report: ImportReport = { written: 0, rejected: [] };
  let batch: BatchEntry[] = [];
  const inFlight = new Set<Promise<void>>();
  // Keys in the open batch and in requests under way: BatchWriteItem refuses one key twice in a
  // request, and a later line must not race an earlier one for the same key.
  const pendingKeys = new Set<string>();
  let failure: unknown;
  const send = (entries: BatchEntry[]): void => {
    const request = writeBatch(conn, table, keyNames, entries, job.ctx)
      .then((outcome) => {
        job.addConsumed(outcome.consumed);
        report.written += outcome.written;
        report.rejected.push(...outcome.rejected);
        job.processed += entries.length;
        job.report();
      })
      .catch((err: unknown) => {
        failure ??= err;
      })
      .finally(() => {
        inFlight.delete(request);
        for (const entry of entries) pendingKeys.delete(keyText(entry, keyNames));
      });
    inFlight.add(request);
  };
  const drain = async (): Promise<void> => {
    await Promise.all([...inFlight]);
    if (failure) throw failure;
  };
  const flush = async (): Promise<void> => {
    if (batch.length > 0) send(batch);
    batch = [];
    if (inFlight.size >= CONCURRENCY) await Promise.race([...inFlight]);
    if (failure) throw failure;
  };
  for await (const read of readImportFile(path, format, keys)) {
    if (job.signal.aborted) break;
    if ('error' in read) {
      report.rejected.push({ line: read.line, reason: read.error });
      job.processed++;
      continue;
    }
    const reason = invalidReason(read.item, keys);
    if (reason) {
      report.rejected.push({ line: read.line, reason, item: read.item });
      job.processed++;
      continue;
    }
    const entry: BatchEntry = {
      line: read.line,
      request: { PutRequest: { Item: toAttributeMap(read.item) } },
    };
    const key = keyText(entry, keyNames);
    if (pendingKeys.has(key)) {
      await flush();
      await drain();
    }
    batch.push(entry);
    pendingKeys.add(key);
    if (batch.length === BATCH_SIZE) await flush();
  }
  if (!job.signal.aborted) await flush();
  await drain();
  report.rejected.sort((a, b) => a.line - b.line);
  return report;
}
