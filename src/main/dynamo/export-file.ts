import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify/sync';
import type { BuiltExpression, DynamoItem } from '../../shared/models/dynamo';
import type { FileFormat } from '../../shared/models/dynamo-schemas';
import { PRIVATE_FILE_MODE } from '../files/private-folders';
import { fromAttributeMap } from './attribute-values';
import type { DynamoConnection } from './dynamo-connector';
import { csvCell, csvTypeOf, type CsvType } from '../../shared/models/dynamo-csv';
import { itemLine } from './item-lines';
import { plainJsonLine } from './plain-json-line';
import type { JobHandle } from './jobs';
import { readAll } from './read-all';

/** Writes text, waiting for the stream to drain so a fast scan never outruns the disk. */
async function write(stream: WriteStream, text: string): Promise<void> {
  if (!stream.write(text)) await new Promise<void>((resolve) => stream.once('drain', resolve));
}

const close = (stream: WriteStream): Promise<void> =>
  new Promise((resolve, reject) => stream.end((err?: Error | null) => (err ? reject(err) : resolve())));

/** CSV columns as they appear; a column's type stays scalar while all its values agree. */
class CsvColumns {
  readonly names: string[] = [];
  private readonly types = new Map<string, CsvType>();

  row(item: DynamoItem): string[] {
    for (const [name, value] of Object.entries(item)) {
      const type = csvTypeOf(value);
      const known = this.types.get(name);
      if (known === undefined) {
        this.names.push(name);
        this.types.set(name, type);
      } else if (known !== type) this.types.set(name, 'JSON');
    }
    return this.names.map((name) => csvCell(item[name]));
  }

  header(): string[] {
    return this.names.map((name) => `${name}:${this.types.get(name) ?? 'JSON'}`);
  }
}

/**
 * Streams a table or a query result to a file: a temp file beside it, renamed into place at the end,
 * removed on failure or cancel. CSV rows go first to a body file, because the header (the union of
 * attributes and their types) is known only after the last item.
 */
export async function exportToFile(
  conn: DynamoConnection,
  built: BuiltExpression,
  format: FileFormat,
  path: string,
  job: JobHandle,
  segments: number,
): Promise<{ path: string }> {
  const temp = `${path}.${randomUUID()}.part`;
  const body = format === 'csv' ? `${temp}.body` : temp;
  const out = createWriteStream(body, { flags: 'wx', mode: PRIVATE_FILE_MODE });
  const columns = new CsvColumns();
  try {
    await readAll(
      conn,
      built,
      job,
      async (page) => {
        let chunk = '';
        for (const raw of page) {
          if (format === 'jsonl') {
            chunk += `${plainJsonLine(raw)}\n`;
            continue;
          }
          const item = fromAttributeMap(raw);
          chunk += format === 'csv' ? stringify([columns.row(item)]) : `${itemLine(item, format)}\n`;
        }
        await write(out, chunk);
        job.bytes = (job.bytes ?? 0) + Buffer.byteLength(chunk);
      },
      { segments },
    );
    await close(out);
    if (job.signal.aborted) throw job.signal.reason;
    if (format === 'csv') {
      const final = createWriteStream(temp, { flags: 'wx', mode: PRIVATE_FILE_MODE });
      const header = stringify([columns.header()]);
      job.bytes = (job.bytes ?? 0) + Buffer.byteLength(header);
      await write(final, header);
      await pipeline(createReadStream(body), final);
      await rm(body, { force: true });
    }
    await rename(temp, path);
    return { path };
  } catch (err) {
    out.destroy();
    await Promise.allSettled([rm(temp, { force: true }), rm(body, { force: true })]);
    throw err;
  }
}
