import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DynamoClientCache,
  endpointConnector,
  type DynamoConnect,
} from '../../src/main/dynamo/dynamo-connector';
import { DynamoService } from '../../src/main/dynamo/dynamo-service';
import { createEventHub } from '../../src/main/events';
import { DynamoTransfers } from '../../src/main/dynamo/transfer-files';
import { createAppFiles, type AppFiles } from '../../src/main/files/app-files';
import { dynamoHandlers } from '../../src/main/handlers/dynamo';
import { dynamoTransferHandlers } from '../../src/main/handlers/dynamo-transfer';
import type { EventName } from '../../src/shared/channels';
import type { Channel, EventPayload, Req, Res } from '../../src/shared/contract';
import type { RpcError } from '../../src/shared/errors';
import type { DynamoJobProgress } from '../../src/shared/models/dynamo';
import { dispatch, type Handlers } from '../../src/shared/rpc';
import { DYNAMODB_LOCAL_CREDENTIALS } from './dynamodb-local';
import { makeTempDir, type TempDir } from './temp-dir';
import { waitUntil } from './wait-until';

export const DYNAMO_PROFILE = 'local';
export const DYNAMO_REGION = 'us-east-1';

/** The DynamoDB workspace's channels over the harness's DynamoDB Local, called as the renderer would. */
export interface DynamoWorkspace {
  call<C extends Channel>(channel: C, req: Req<C>): Promise<Res<C>>;
  failure(channel: Channel, req: unknown): Promise<RpcError>;
  /** Every event pushed so far, in order. */
  events: { event: EventName; payload: unknown }[];
  eventsOf<E extends EventName>(event: E): EventPayload<E>[];
  /** The job's final progress (done, cancelled or failed). */
  jobEnd(jobId: string): Promise<DynamoJobProgress>;
  /** A plain SDK client on the same endpoint, for changes behind the app's back. */
  sdk: DynamoDBClient;
  /** Browser mode's file ends: exports become one-time downloads from these folders. */
  files: AppFiles;
  dir: TempDir;
  close(): Promise<void>;
}

export async function startDynamoWorkspace(
  endpoint: string,
  wrap: (connect: DynamoConnect) => DynamoConnect = (c) => c,
): Promise<DynamoWorkspace> {
  const dir = await makeTempDir('dynamo');
  const hub = createEventHub();
  const events: DynamoWorkspace['events'] = [];
  hub.subscribe((event, payload) => events.push({ event, payload }));
  const cache = new DynamoClientCache();
  const service = new DynamoService({
    connect: wrap(endpointConnector(endpoint, DYNAMODB_LOCAL_CREDENTIALS, cache)),
    events: hub,
    dataDir: dir.path,
  });
  const files = createAppFiles(dir.path);
  const transfers = new DynamoTransfers({
    service,
    events: hub,
    folders: files.folders,
    downloads: files.downloads,
  });
  const handlers = {
    ...dynamoHandlers(service),
    ...dynamoTransferHandlers(transfers),
  } as unknown as Handlers;
  const sdk = new DynamoDBClient({
    endpoint,
    region: DYNAMO_REGION,
    credentials: DYNAMODB_LOCAL_CREDENTIALS,
  });
  const eventsOf = <E extends EventName>(event: E): EventPayload<E>[] =>
    events.filter((e) => e.event === event).map((e) => e.payload as EventPayload<E>);
  return {
    async call(channel, req) {
      const envelope = await dispatch(handlers, channel, req, { transport: 'direct' });
      if (!envelope.ok) throw new Error(`${channel}: ${envelope.error.code} ${envelope.error.message}`);
      return envelope.value as never;
    },
    async failure(channel, req) {
      const envelope = await dispatch(handlers, channel, req, { transport: 'direct' });
      if (envelope.ok) throw new Error(`${channel} succeeded: ${JSON.stringify(envelope.value)}`);
      return envelope.error;
    },
    events,
    eventsOf,
    jobEnd: (jobId) =>
      waitUntil(
        async () => eventsOf('dynamo.jobProgress').find((p) => p.jobId === jobId && p.state !== 'running'),
        { what: `job ${jobId} to end`, timeoutMs: 60_000, intervalMs: 20 },
      ),
    sdk,
    files,
    dir,
    async close() {
      service.dispose();
      await transfers.dispose();
      await files.downloads.dispose();
      await files.folders.dispose();
      cache.dispose();
      sdk.destroy();
      await dir.remove();
    },
  };
}
