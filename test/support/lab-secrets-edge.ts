import { SecretsManagerClient, SecretsManagerServiceException } from '@aws-sdk/client-secrets-manager';
import { startEdgeServer, type EdgeServer } from '../../src/lab/edge/edge-server';
import type { AdminHandler, ServiceHandler } from '../../src/lab/edge/types';
import { newLabCredentials, type LabCredentials } from '../../src/lab/lab-credentials';
import { createSecretsService, type SecretsService } from '../../src/lab/secrets/secrets-service';
import { edgeClientConfig } from './edge-client';
import { rejectionOf } from './rejection';
import { makeTempDir, type TempDir } from './temp-dir';

export const SECRETS_REGION = 'us-east-1';

export interface SecretsEdgeOptions {
  /** Names the temp data dir. */
  label: string;
  /** The service's clock. */
  now?: () => Date;
  /** The edge's admin routes, from the service (its fault routes, say). */
  admin?: (service: SecretsService) => Record<string, AdminHandler>;
}

/** The lab's Secrets Manager on a fresh data dir, behind the lab's real edge, and an SDK client for it. */
export interface SecretsEdge {
  dir: TempDir;
  edge: EdgeServer;
  /** The keys the edge accepts (admin calls send the secret). */
  credentials: LabCredentials;
  service: SecretsService;
  /** What the edge serves, looked up per request: a test may put a restarted service in its place. */
  services: Partial<Record<string, ServiceHandler>>;
  client: SecretsManagerClient;
  close(): Promise<void>;
}

export async function startSecretsEdge(opts: SecretsEdgeOptions): Promise<SecretsEdge> {
  const dir = await makeTempDir(opts.label);
  const service = createSecretsService({ dataDir: dir.path, region: SECRETS_REGION, now: opts.now });
  const services: Partial<Record<string, ServiceHandler>> = { secretsmanager: service.handler };
  let edge: EdgeServer;
  const credentials = newLabCredentials();
  try {
    edge = await startEdgeServer({ port: 0, services, admin: opts.admin?.(service) ?? {}, credentials });
  } catch (error) {
    await dir.remove();
    throw error;
  }
  const client = new SecretsManagerClient(edgeClientConfig(edge.url, SECRETS_REGION, credentials));
  return {
    dir,
    edge,
    credentials,
    service,
    services,
    client,
    close: async () => {
      client.destroy();
      await edge.close();
      await dir.remove();
    },
  };
}

/** The Secrets Manager exception `call` fails with (see rejectionOf). */
export function rejection(call: Promise<unknown>): Promise<SecretsManagerServiceException> {
  return rejectionOf(call, SecretsManagerServiceException);
}
