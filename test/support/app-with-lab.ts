import { startLab } from '../../src/lab/lab';
import { LAB_CREDENTIALS } from '../../src/lab/lab-status';
import { awsClientConfig, type AwsClientConfig } from '../../src/main/aws/client-config';
import { createMemorySecretStore } from '../../src/main/profiles/secret-store';
import { createServices, type Services } from '../../src/main/services';
import type { Channel, Req, Res } from '../../src/shared/contract';
import type { RpcError } from '../../src/shared/errors';
import { dispatch } from '../../src/shared/rpc';
import { makeTempDir } from './temp-dir';

/** The app's own composition root over a temp dir, with its lab started, called as the renderer would. */
export interface AppWithLab {
  services: Services;
  /** The lab's edge, as the `@lab` profile lists it. */
  endpoint: string;
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
  // The lab on a free port, unseeded so the calling file owns every instance, DynamoDB in memory.
  const services = createServices({
    mode: 'browser',
    version: 'test',
    dataDir: dir.path,
    secrets: createMemorySecretStore(),
    labPort: 0,
    startLab: (opts) =>
      startLab({ ...opts, seed: 'none', dynamodb: { backend: 'dynalite', inMemory: true } }),
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
  try {
    await call('lab.start', {});
    const { profiles } = await call('aws.profiles', {});
    endpoint = profiles.find((p) => p.name === '@lab')?.endpoint ?? '';
  } catch (error) {
    await close();
    throw error;
  }
  return {
    services,
    endpoint,
    clientConfig: (region) =>
      awsClientConfig({ kind: 'lab', endpoint, region, credentials: LAB_CREDENTIALS }),
    call,
    failure,
    close,
  };
}
