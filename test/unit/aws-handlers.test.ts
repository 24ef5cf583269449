import { DescribeDBInstancesCommand, RDSClient } from '@aws-sdk/client-rds';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Services } from '../../src/main/services';
import type { AwsMfaPrompt } from '../../src/shared/models/aws';
import { dispatch, type Envelope } from '../../src/shared/rpc';
import { makeAwsConfigHome, PROFILE_INI, type AwsConfigHome } from './support/aws-config-home';
import { tempServices } from './support/temp-services';

const CONFIG = `${PROFILE_INI.keys}
${PROFILE_INI.adminWithMfa}
${PROFILE_INI.ssoDev}
${PROFILE_INI.corpSession}`;

let configHome: AwsConfigHome;
let removeServices: () => Promise<void>;
let services: Services;
const call = (channel: string, req: unknown): Promise<Envelope> =>
  dispatch(services.handlers, channel, req, { transport: 'direct' });

beforeAll(async () => {
  configHome = await makeAwsConfigHome({
    config: CONFIG,
    credentials: '[keys]\naws_access_key_id = AKIAKEYS\naws_secret_access_key = s\n',
  });
  vi.stubEnv('AWS_PROFILE', '');
  vi.stubEnv('AWS_ACCESS_KEY_ID', '');
  ({ services, cleanup: removeServices } = await tempServices());
});

afterAll(async () => {
  await removeServices();
  await configHome.remove();
});

const sts = mockClient(STSClient);
const rds = mockClient(RDSClient);
afterEach(() => {
  sts.reset();
  rds.reset();
});

describe('aws.* channels through the composition root', () => {
  it('lists the lab first, then the files’ profiles; the lab runs once started', async () => {
    const before = await call('aws.profiles', {});
    // No `default` profile, no AWS_PROFILE, no environment keys: the lab is what works.
    expect(before).toMatchObject({ ok: true, value: { defaultProfile: '@lab' } });
    const names = (before as { value: { profiles: { name: string }[] } }).value.profiles.map((p) => p.name);
    expect(names).toEqual(['@lab', 'admin', 'keys', 'sso-dev']);
    expect(await call('aws.identity', { profile: '@lab' })).toMatchObject({
      ok: false,
      error: { code: 'UNREACHABLE' },
    });
    await call('lab.start', {});
    const after = (await call('aws.profiles', {})) as { value: { profiles: unknown[] } };
    expect(after.value.profiles[0]).toMatchObject({
      name: '@lab',
      running: true,
      endpoint: 'http://127.0.0.1:1',
    });
    expect(await call('aws.regions', { profile: '@lab' })).toMatchObject({
      ok: true,
      value: { preselected: ['us-east-1'] },
    });
    await call('lab.stop', {});
  });

  it('answers aws.identity from STS with the profile’s region', async () => {
    sts.on(GetCallerIdentityCommand).resolves({
      Account: '123456789012',
      Arn: 'arn:aws:iam::123456789012:user/alice',
      UserId: 'AIDAEXAMPLE',
    });
    expect(await call('aws.identity', { profile: 'keys' })).toEqual({
      ok: true,
      value: {
        profile: 'keys',
        region: 'eu-west-1',
        account: '123456789012',
        arn: 'arn:aws:iam::123456789012:user/alice',
        userId: 'AIDAEXAMPLE',
      },
    });
    expect(await call('aws.regions', { profile: 'keys' })).toMatchObject({
      value: { preselected: ['eu-west-1'] },
    });
  });

  it('fails a whole listing with SSO_EXPIRED and the login command before trying any region', async () => {
    const envelope = await call('rds.listInstances', {
      profile: 'sso-dev',
      regions: ['us-east-1', 'eu-west-1'],
    });
    expect(envelope).toMatchObject({
      ok: false,
      error: { code: 'SSO_EXPIRED', details: { command: 'aws sso login --profile sso-dev' } },
    });
    expect(rds.commandCalls(DescribeDBInstancesCommand)).toEqual([]);
  });

  it('lists each region with its own client and reports a failing one in place', async () => {
    rds.on(DescribeDBInstancesCommand).callsFake(async (_input, getClient) => {
      const region = await getClient().config.region();
      if (region === 'eu-west-1')
        throw Object.assign(new Error('Rate exceeded'), { name: 'Throttling', $metadata: {} });
      return {
        DBInstances: [
          { DBInstanceIdentifier: `db-${region}`, Engine: 'mysql', DBInstanceStatus: 'available' },
        ],
      };
    });
    const envelope = await call('rds.listInstances', {
      profile: 'keys',
      regions: ['us-east-1', 'eu-west-1'],
    });
    expect(envelope).toMatchObject({
      ok: true,
      value: {
        regions: [
          { region: 'us-east-1', instances: [{ id: 'db-us-east-1', region: 'us-east-1' }] },
          { region: 'eu-west-1', error: { code: 'THROTTLED' } },
        ],
      },
    });
  });

  it('asks the renderer for an MFA code and fails the call when the prompt is cancelled', async () => {
    const prompts: AwsMfaPrompt[] = [];
    const unsubscribe = services.events.subscribe((event, payload) => {
      if (event === 'aws.mfaPrompt') prompts.push(payload as AwsMfaPrompt);
    });
    const identity = call('aws.identity', { profile: 'admin' });
    await vi.waitFor(() => expect(prompts).toHaveLength(1));
    expect(prompts[0]).toMatchObject({
      profile: 'admin',
      serialNumber: 'arn:aws:iam::123456789012:mfa/alice',
    });
    const requestId = prompts[0]?.requestId;
    expect(await call('aws.answerMfa', { requestId })).toEqual({ ok: true, value: { accepted: false } });
    expect(await identity).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    expect(await call('aws.answerMfa', { requestId, code: '123456' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await call('aws.answerMfa', { requestId, code: '12ab' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_REQUEST' },
    });
    unsubscribe();
  });

  it('validates profile names and regions', async () => {
    expect(await call('rds.listInstances', { profile: 'keys', regions: [] })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_REQUEST', message: expect.stringContaining('at least one region') },
    });
    expect(await call('secrets.list', { profile: 'keys', region: 'Frankfurt' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_REQUEST' },
    });
    expect(
      await call('rds.describeInstance', { profile: 'nope', region: 'us-east-1', id: 'x' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });
});
