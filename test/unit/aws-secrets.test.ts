import {
  GetSecretValueCommand,
  ListSecretsCommand,
  ResourceNotFoundException,
  SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SecretCredentialSource } from '../../src/main/aws/secret-credential-source';
import { listSecrets, toSecretSummary } from '../../src/main/aws/secrets-list';

const ARN = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:rds!db-0a1b2c3d-AbCdEf';
const value = (username: string, password: string) => ({
  SecretString: JSON.stringify({ username, password }),
});

let client: SecretsManagerClient;
let mock: ReturnType<typeof mockClient>;
beforeEach(() => {
  client = new SecretsManagerClient({
    region: 'us-east-1',
    credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
  });
  mock = mockClient(client);
});
afterEach(() => client.destroy());

describe('listSecrets', () => {
  it('pages with NextToken and names the RDS instance owning a managed secret', async () => {
    mock
      .on(ListSecretsCommand, { NextToken: undefined })
      .resolves({
        SecretList: [
          {
            ARN,
            Name: 'rds!db-0a1b2c3d',
            Description:
              'Secret associated with primary RDS DB instance: arn:aws:rds:us-east-1:123456789012:db:orders',
            OwningService: 'rds',
            RotationEnabled: true,
            LastChangedDate: new Date('2025-01-01T00:00:00Z'),
            LastRotatedDate: new Date('2025-01-01T00:00:00Z'),
            NextRotationDate: new Date('2025-01-08T00:00:00Z'),
            Tags: [
              { Key: 'aws:rds:primaryDBInstanceArn', Value: 'arn:aws:rds:us-east-1:123456789012:db:orders' },
              { Key: 'aws:secretsmanager:owningService', Value: 'rds' },
            ],
          },
        ],
        NextToken: 't1',
      })
      .on(ListSecretsCommand, { NextToken: 't1' })
      .resolves({
        SecretList: [{ ARN: `${ARN}x`, Name: 'app/api-key', LastAccessedDate: new Date('2025-02-01') }],
      });
    const secrets = await listSecrets(client, 'us-east-1');
    expect(secrets).toEqual([
      {
        name: 'app/api-key',
        arn: `${ARN}x`,
        region: 'us-east-1',
        lastAccessedAt: '2025-02-01T00:00:00.000Z',
        rotationEnabled: false,
        tags: [],
      },
      {
        name: 'rds!db-0a1b2c3d',
        arn: ARN,
        region: 'us-east-1',
        description:
          'Secret associated with primary RDS DB instance: arn:aws:rds:us-east-1:123456789012:db:orders',
        lastChangedAt: '2025-01-01T00:00:00.000Z',
        lastRotatedAt: '2025-01-01T00:00:00.000Z',
        nextRotationAt: '2025-01-08T00:00:00.000Z',
        rotationEnabled: true,
        owningService: 'rds',
        rdsOwner: {
          kind: 'instance',
          id: 'orders',
          region: 'us-east-1',
          arn: 'arn:aws:rds:us-east-1:123456789012:db:orders',
        },
        tags: [
          { key: 'aws:rds:primaryDBInstanceArn', value: 'arn:aws:rds:us-east-1:123456789012:db:orders' },
          { key: 'aws:secretsmanager:owningService', value: 'rds' },
        ],
      },
    ]);
    expect(mock.commandCalls(ListSecretsCommand).map((c) => c.args[0].input.MaxResults)).toEqual([100, 100]);
    expect(mock.commandCalls(GetSecretValueCommand)).toEqual([]);
  });

  it('reads a cluster owner from its tag', () => {
    const summary = toSecretSummary(
      {
        ARN,
        Name: 'rds!cluster-1',
        Tags: [{ Key: 'aws:rds:primaryDBClusterArn', Value: 'arn:aws:rds:eu-west-1:1:cluster:c1' }],
      },
      'us-east-1',
    );
    expect(summary.rdsOwner).toEqual({
      kind: 'cluster',
      id: 'c1',
      region: 'eu-west-1',
      arn: 'arn:aws:rds:eu-west-1:1:cluster:c1',
    });
  });
});

describe('SecretCredentialSource', () => {
  it('caches the value for its lifetime, then fetches again', async () => {
    let now = 0;
    mock
      .on(GetSecretValueCommand, { SecretId: ARN })
      .resolvesOnce(value('admin', 'one'))
      .resolves(value('admin', 'two'));
    const source = new SecretCredentialSource({ client, secretId: ARN, ttlMs: 1000, now: () => now });
    expect(await source.get()).toEqual({ username: 'admin', password: 'one' });
    now = 999;
    expect((await source.get()).password).toBe('one');
    now = 1000;
    expect((await source.get()).password).toBe('two');
    expect(mock.commandCalls(GetSecretValueCommand)).toHaveLength(2);
  });

  it('shares one fetch between concurrent callers', async () => {
    mock.on(GetSecretValueCommand).resolves(value('admin', 'pw'));
    const source = new SecretCredentialSource({ client, secretId: ARN });
    await Promise.all([source.get(), source.get(), source.refresh()]);
    expect(mock.commandCalls(GetSecretValueCommand)).toHaveLength(1);
  });

  it('fetches again once after an authentication failure (a rotation) and succeeds', async () => {
    mock.on(GetSecretValueCommand).resolvesOnce(value('admin', 'stale')).resolves(value('admin', 'rotated'));
    const source = new SecretCredentialSource({ client, secretId: ARN });
    await source.get();
    const connect = vi.fn(async (c: { password: string }) => {
      if (c.password !== 'rotated')
        throw Object.assign(new Error('Access denied'), { code: 'ER_ACCESS_DENIED_ERROR' });
      return 'connected';
    });
    const isAuthFailure = (err: unknown) => (err as { code?: string }).code === 'ER_ACCESS_DENIED_ERROR';
    await expect(source.withCredentials(connect, isAuthFailure)).resolves.toBe('connected');
    expect(connect).toHaveBeenCalledTimes(2);
    // The fresh value is cached for the next connection.
    await expect(source.withCredentials(connect, isAuthFailure)).resolves.toBe('connected');
    expect(mock.commandCalls(GetSecretValueCommand)).toHaveLength(2);
  });

  it('reports the original error when the secret did not change, and never retries other errors', async () => {
    mock.on(GetSecretValueCommand).resolves(value('admin', 'same'));
    const source = new SecretCredentialSource({ client, secretId: ARN });
    const denied = Object.assign(new Error('Access denied'), { code: 'ER_ACCESS_DENIED_ERROR' });
    const connect = vi.fn(async () => Promise.reject(denied));
    await expect(source.withCredentials(connect, () => true)).rejects.toBe(denied);
    expect(connect).toHaveBeenCalledTimes(1);
    const unreachable = vi.fn(async () => Promise.reject(new Error('ECONNREFUSED')));
    await expect(source.withCredentials(unreachable, () => false)).rejects.toThrow('ECONNREFUSED');
    expect(mock.commandCalls(GetSecretValueCommand)).toHaveLength(2);
  });

  it('refuses a secret that holds no credentials without quoting it', async () => {
    mock.on(GetSecretValueCommand).resolves({ SecretString: '{"apiKey":"s3cr3t-value"}' });
    const source = new SecretCredentialSource({ client, secretId: ARN });
    const err = await source.get().catch((e: unknown) => e as Error);
    expect(err).toMatchObject({ code: 'CREDENTIALS_MISSING' });
    expect((err as Error).message).not.toContain('s3cr3t');
  });

  it('maps Secrets Manager errors to stable codes', async () => {
    const missing = new ResourceNotFoundException({
      $metadata: {},
      message: "Secrets Manager can't find the specified secret.",
    });
    mock.on(GetSecretValueCommand).rejects(missing);
    const source = new SecretCredentialSource({ client, secretId: ARN });
    await expect(source.get()).rejects.toMatchObject({
      code: 'NOT_FOUND',
      details: { awsCode: 'ResourceNotFoundException' },
    });
  });
});
