import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import type { DynamoEndpointInfo } from '../../shared/models/dynamo';
import type { AwsClientConfig } from '../aws/client-config';
import type { AwsClientFactory } from '../aws/client-factory';

export type DdbSender = Pick<DynamoDBClient, 'send'>;
export type StreamsSender = Pick<DynamoDBStreamsClient, 'send'>;

/** One profile in one region: the clients DynamoDB calls go through, and what the endpoint can do. */
export interface DynamoConnection {
  region: string;
  ddb: DdbSender;
  streams: StreamsSender;
  endpoint: DynamoEndpointInfo;
}

export type DynamoConnect = (profile: string, region: string) => Promise<DynamoConnection>;

export const AWS_ENDPOINT: DynamoEndpointInfo = {
  backend: 'aws',
  partiql: true,
  transactions: true,
  streams: true,
  ttl: true,
};

interface Destroyable {
  destroy(): void;
}

/** Clients kept per settings, so sockets and credentials survive between calls. */
export class DynamoClientCache {
  private readonly clients = new Map<string, { ddb: DynamoDBClient; streams: DynamoDBStreamsClient }>();

  get(key: string, config: AwsClientConfig): { ddb: DynamoDBClient; streams: DynamoDBStreamsClient } {
    const existing = this.clients.get(key);
    if (existing) return existing;
    // Retries are ours (with-retry.ts), so the UI can say it is throttled; the SDK tries once, and
    // without its adaptive rate limiter, which would slow every later call after a throttle on top of ours.
    const own = { ...config, maxAttempts: 1, retryMode: 'standard' };
    const made = { ddb: new DynamoDBClient(own), streams: new DynamoDBStreamsClient(own) };
    this.clients.set(key, made);
    return made;
  }

  dispose(): void {
    for (const pair of this.clients.values())
      for (const c of Object.values(pair) as Destroyable[]) c.destroy();
    this.clients.clear();
  }
}

/**
 * DynamoDB through the app's profiles: the same client factory (lab endpoint or AWS credentials) as
 * RDS. The lab's backend capabilities come from its last status, real AWS has all of them.
 */
export function profileConnector(opts: {
  clients: Pick<AwsClientFactory, 'target'>;
  labEndpoint: () => DynamoEndpointInfo | undefined;
  cache: DynamoClientCache;
}): DynamoConnect {
  return async (profile, region) => {
    const target = await opts.clients.target(profile, region);
    const key = [target.profile.name, target.region, target.fingerprint].join('\0');
    const { ddb, streams } = opts.cache.get(key, target.config);
    const endpoint = target.profile.kind === 'lab' ? (opts.labEndpoint() ?? AWS_ENDPOINT) : AWS_ENDPOINT;
    return { region: target.region, ddb, streams, endpoint };
  };
}

/** A fixed endpoint (DynamoDB Local in tests, or any compatible server). */
export function endpointConnector(
  endpoint: string,
  credentials: { accessKeyId: string; secretAccessKey: string },
  cache: DynamoClientCache,
  info: DynamoEndpointInfo = { ...AWS_ENDPOINT, backend: 'dynamodb-local' },
): DynamoConnect {
  return async (_profile, region) => {
    const config: AwsClientConfig = { region, endpoint, credentials, maxAttempts: 1, retryMode: 'adaptive' };
    const { ddb, streams } = cache.get(`${endpoint}\0${region}`, config);
    return { region, ddb, streams, endpoint: info };
  };
}
