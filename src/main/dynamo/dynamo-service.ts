import type { DynamoItem, DynamoJobProgress, DynamoValue, StreamViewType } from '../../shared/models/dynamo';
import type {
  CreateTableInput,
  FileFormat,
  ReadRequest,
  StagedChange,
} from '../../shared/models/dynamo-schemas';
import type { EventHub } from '../events';
import { fromAttributeMap } from './attribute-values';
import { deleteItems } from './batch-delete';
import type { DynamoConnect, DynamoConnection } from './dynamo-connector';
import { buildExpression } from '../../shared/dynamo/expression-builder';
import { exportToFile } from './export-file';
import { importItems } from './import-items';
import { deleteItem, getItem, putItem, transactWrite } from './items';
import { DynamoJobs } from './jobs';
import { batchExecute, executeStatement } from './partiql';
import { PriceStore } from './price-store';
import { readAll } from './read-all';
import { readPage } from './read-page';
import { StreamTails } from './stream-tail';
import { tableCloudFormation, tableCreateCli } from './table-code';
import { createTable, deleteTable, describeTable, listTablesAcross, updateStream, updateTtl } from './tables';
import type { CallContext } from './with-retry';

/** Items pushed to the renderer per `dynamo.items` event (structured clone cost stays small). */
const ITEMS_PER_EVENT = 1000;
const DEFAULT_FETCH_MAX = 100_000;

export interface DynamoServiceOptions {
  connect: DynamoConnect;
  events: Pick<EventHub, 'emit'>;
  dataDir: string;
}

type Ref = { profile: string; region: string };

/** The DynamoDB workspace's main-process side: one method per channel, jobs and tails kept here. */
export class DynamoService {
  readonly jobs: DynamoJobs;
  readonly tails: StreamTails;
  readonly prices: PriceStore;

  constructor(private readonly opts: DynamoServiceOptions) {
    const emit = opts.events.emit.bind(opts.events);
    this.jobs = new DynamoJobs(
      (p: DynamoJobProgress) => emit('dynamo.jobProgress', p),
      (notice) => emit('dynamo.throttled', notice),
    );
    this.tails = new StreamTails({
      records: (tailId, records) => emit('dynamo.streamRecords', { tailId, records }),
      status: (status) => emit('dynamo.streamStatus', status),
    });
    this.prices = new PriceStore(opts.dataDir);
  }

  private ctx(): CallContext {
    return { onThrottle: (notice) => this.opts.events.emit('dynamo.throttled', notice) };
  }

  private conn(ref: Ref): Promise<DynamoConnection> {
    return this.opts.connect(ref.profile, ref.region);
  }

  async endpoint(ref: Ref) {
    return (await this.conn(ref)).endpoint;
  }

  async listTables(profile: string, regions: string[]) {
    // Credentials once, up front: an expired SSO session fails the profile, not each region.
    await this.opts.connect(profile, regions[0] ?? 'us-east-1');
    return { regions: await listTablesAcross(regions, (region) => this.opts.connect(profile, region)) };
  }

  async describeTable(ref: Ref & { table: string }) {
    const conn = await this.conn(ref);
    return describeTable(conn.ddb, conn.region, ref.table);
  }

  async tableCode(ref: Ref & { table: string }) {
    const detail = await this.describeTable(ref);
    return { cloudformation: tableCloudFormation(detail), cli: tableCreateCli(detail) };
  }

  async createTable(ref: Ref, definition: CreateTableInput) {
    return createTable(await this.conn(ref), definition);
  }

  async deleteTable(ref: Ref & { table: string; confirmName: string }) {
    await deleteTable(await this.conn(ref), ref.table, ref.confirmName);
    return { deleted: true, table: ref.table };
  }

  async updateTtl(ref: Ref & { table: string; enabled: boolean; attribute: string }) {
    return updateTtl(await this.conn(ref), ref.table, ref.enabled, ref.attribute);
  }

  async updateStream(ref: Ref & { table: string; enabled: boolean; viewType?: StreamViewType }) {
    return updateStream(await this.conn(ref), ref.table, ref.enabled, ref.viewType);
  }

  async read(ref: Ref & { request: ReadRequest; cursor?: DynamoItem }) {
    return readPage(await this.conn(ref), ref.request, ref.cursor, this.ctx());
  }

  /** Every page in the background; items arrive as `dynamo.items` events, progress as `dynamo.jobProgress`. */
  async fetchAll(ref: Ref & { request: ReadRequest; segments?: number; maxItems?: number; jobId?: string }) {
    const conn = await this.conn(ref);
    const built = buildExpression(ref.request, conn.region);
    const jobId = this.jobs.start(
      'fetchAll',
      async (job) => {
        await readAll(
          conn,
          built,
          job,
          (page) => {
            for (let i = 0; i < page.length; i += ITEMS_PER_EVENT) {
              const items = page.slice(i, i + ITEMS_PER_EVENT).map(fromAttributeMap);
              this.opts.events.emit('dynamo.items', { jobId: job.id, items });
            }
          },
          { segments: ref.segments, maxItems: ref.maxItems ?? DEFAULT_FETCH_MAX },
        );
        return {};
      },
      ref.jobId,
    );
    return { jobId, expression: built };
  }

  async exportItems(
    ref: Ref & { request: ReadRequest; format: FileFormat; path: string; segments?: number },
  ) {
    const conn = await this.conn(ref);
    const built = buildExpression(ref.request, conn.region);
    const jobId = this.jobs.start('export', (job) =>
      exportToFile(conn, built, ref.format, ref.path, job, ref.segments ?? 1),
    );
    return { jobId };
  }

  async importItems(ref: Ref & { table: string; format: FileFormat; path: string }) {
    const conn = await this.conn(ref);
    const detail = await describeTable(conn.ddb, conn.region, ref.table);
    const keys = [detail.partitionKey, ...(detail.sortKey ? [detail.sortKey] : [])];
    const jobId = this.jobs.start('import', async (job) => ({
      report: await importItems(conn, ref.table, keys, ref.path, ref.format, job),
    }));
    return { jobId };
  }

  cancelJob(jobId: string) {
    return { cancelled: this.jobs.cancel(jobId) };
  }

  async getItem(ref: Ref & { table: string; key: DynamoItem; consistentRead?: boolean }) {
    return getItem(await this.conn(ref), ref.table, ref.key, ref.consistentRead ?? true, this.ctx());
  }

  async putItem(
    ref: Ref & { table: string; item: DynamoItem; expected: DynamoItem | null; keyNames: string[] },
  ) {
    return putItem(await this.conn(ref), ref, this.ctx());
  }

  async deleteItem(ref: Ref & { table: string; key: DynamoItem; expected?: DynamoItem }) {
    return deleteItem(await this.conn(ref), ref, this.ctx());
  }

  async deleteItems(ref: Ref & { table: string; keys: DynamoItem[] }) {
    return deleteItems(await this.conn(ref), ref.table, ref.keys, this.ctx());
  }

  async transactWrite(ref: Ref & { changes: StagedChange[] }) {
    return transactWrite(await this.conn(ref), ref.changes, this.ctx());
  }

  async partiql(
    ref: Ref & {
      statement: string;
      parameters?: DynamoValue[];
      nextToken?: string;
      limit?: number;
      consistentRead?: boolean;
    },
  ) {
    return executeStatement(await this.conn(ref), ref, this.ctx());
  }

  async partiqlBatch(ref: Ref & { statements: { statement: string; parameters?: DynamoValue[] }[] }) {
    return batchExecute(await this.conn(ref), ref.statements, this.ctx());
  }

  async startStream(ref: Ref & { table: string }) {
    return this.tails.start(await this.conn(ref), ref.table);
  }

  stopStream(tailId: string) {
    return { stopped: this.tails.stop(tailId) };
  }

  dispose(): void {
    this.jobs.cancelAll();
    this.tails.stopAll();
  }
}
