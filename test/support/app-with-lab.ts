import { startLab } from '../../src/lab/lab';
import type { LabCredentials } from '../../src/lab/lab-credentials';
import { awsClientConfig, type AwsClientConfig } from '../../src/main/aws/client-config';
import { createMemorySecretStore } from '../../src/main/profiles/secret-store';
import { createServices, type Services } from '../../src/main/services';
import type { Channel, Req, Res } from '../../src/shared/contract';
import type { RpcError } from '../../src/shared/errors';
import { dispatch } from '../../src/shared/rpc';
import { adminHeaders } from './edge-client';
import { makeTempDir } from './temp-dir';

/** The app's own composition root over a temp dir, with its lab started, called as the renderer would. */
export interface AppWithLab {
  services: Services;
  /** The lab's edge, as the `@lab` profile lists it. */
  endpoint: string;
  /** The keys of the lab the app started (the app's `@lab` profile signs with them). */
  credentials: LabCredentials;
  /** Headers for the lab's admin routes (`/_lab/fault`): JSON, with the lab's secret key. */
  adminHeaders(): Record<string, string>;
  /** SDK client options aimed at the lab in `region`, as the app builds them. */
  clientConfig(region: string): AwsClientConfig;
  /** Calls a channel and unwraps the envelope; an error envelope throws with its code and message. */
  call<C extends Channel>(channel: C, req: Req<C>): Promise<Res<C>>;
  /** The error envelope of a call that must fail. */
  failure(channel: Channel, req: unknown): Promise<RpcError>;
  /** Disposes the services (stopping the lab) and removes the temp dir. */
  close(): Promise<void>;
}

export async function startAppWithLab(label: string): Promise<AppWithLab> {
  const dir = await makeTempDir(label);
  let credentials: LabCredentials | undefined;
  // The lab on a free port, unseeded so the calling file owns every instance, DynamoDB in memory.
  const services = createServices({
    mode: 'browser',
    version: 'test',
    dataDir: dir.path,
    secrets: createMemorySecretStore(),
    labPort: 0,
    startLab: async (opts) => {
      const lab = await startLab({
        ...opts,
        seed: 'none',
        dynamodb: { backend: 'dynalite', inMemory: true },
      });
      credentials = lab.credentials;
      return lab;
    },
  });
  const call = async <C extends Channel>(channel: C, req: Req<C>): Promise<Res<C>> => {
    const envelope = await dispatch(services.handlers, channel, req, { transport: 'direct' });
    if (!envelope.ok) throw new Error(`${channel}: ${envelope.error.code} ${envelope.error.message}`);
    return envelope.value as Res<C>;
  };
  const failure = async (channel: Channel, req: unknown): Promise<RpcError> => {
    const envelope = await dispatch(services.handlers, channel, req, { transport: 'direct' });
    if (envelope.ok) throw new Error(`${channel} succeeded: ${JSON.stringify(envelope.value)}`);
    return envelope.error;
  };
  const close = async (): Promise<void> => {
    await services.dispose();
    await dir.remove();
  };
  let endpoint: string;
  let keys: LabCredentials;
  try {
    await call('lab.start', {});
    if (!credentials) throw new Error('the lab started without keys');
    keys = credentials;
    const { profiles } = await call('aws.profiles', {});
    endpoint = profiles.find((p) => p.name === '@lab')?.endpoint ?? '';
  } catch (error) {
    await close();
    throw error;
  }
  return {
    services,
    endpoint,
    credentials: keys,
    adminHeaders: () => adminHeaders(keys),
    clientConfig: (region) => awsClientConfig({ kind: 'lab', endpoint, region, credentials: keys }),
    call,
    failure,
    close,
  };
}
