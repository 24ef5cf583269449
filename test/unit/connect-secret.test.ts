import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import type { Connection } from 'mysql2';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ProfileTarget } from '../../src/main/aws/client-factory';
import { DbConnector, type OpenConnection } from '../../src/main/connect/db-connector';
import type { DbLogin } from '../../src/main/mysql/connection-options';
import { AppError } from '../../src/shared/errors';
import type { ProfileFields } from '../../src/shared/models/profile';

const SECRET = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:rds!db-1234-AbCdEf';
const conn = {} as Connection;

const fields: ProfileFields = {
  name: 'orders',
  host: '127.0.0.1',
  port: 3306,
  // The secret's username wins: RDS keeps the master user's name in it.
  user: 'someone-else',
  database: '',
  tls: false,
  color: 'blue',
  readOnly: false,
  credentials: { source: 'secret', secretArn: SECRET, awsProfile: 'prod', region: 'us-east-1' },
};

const denied = (): AppError =>
  new AppError('AUTH_FAILED', "Wrong user name or password: Access denied for user 'admin'", {
    driverCode: 'ER_ACCESS_DENIED_ERROR',
    errno: 1045,
  });

const value = (password: string) => ({ SecretString: JSON.stringify({ username: 'admin', password }) });

const clients: SecretsManagerClient[] = [];
afterEach(() => {
  for (const client of clients.splice(0)) client.destroy();
});

function setup(open: OpenConnection) {
  const client = new SecretsManagerClient({
    region: 'us-east-1',
    credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
  });
  clients.push(client);
  const mock = mockClient(client);
  const target = {
    profile: { name: 'prod', label: 'prod', kind: 'static', source: 'credentials' },
    region: 'us-east-1',
    config: { region: 'us-east-1', maxAttempts: 3, retryMode: 'adaptive' },
    fingerprint: 'f',
  } satisfies ProfileTarget;
  const db = new DbConnector({ aws: { target: async () => target, secrets: () => client }, open });
  return { db, mock };
}

/** A server that knows one password at a time. */
function server(password: { current: string }) {
  return vi.fn<OpenConnection>(async (_fields, login: DbLogin) => {
    if (login.password !== password.current) throw denied();
    return conn;
  });
}

describe('credentials from a Secrets Manager secret', () => {
  it('reuses the cached value, and after a rotation fetches it once more before failing', async () => {
    const password = { current: 'first' };
    const open = server(password);
    const { db, mock } = setup(open);
    mock.on(GetSecretValueCommand).resolvesOnce(value('first')).resolves(value('second'));

    expect(await db.open(fields, undefined)).toBe(conn);
    expect(await db.open(fields, undefined)).toBe(conn);
    expect(mock.commandCalls(GetSecretValueCommand)).toHaveLength(1);

    password.current = 'second';
    expect(await db.open(fields, undefined)).toBe(conn);
    expect(mock.commandCalls(GetSecretValueCommand)).toHaveLength(2);
    expect(mock.commandCalls(GetSecretValueCommand)[1]?.args[0].input).toEqual({ SecretId: SECRET });
    expect(open.mock.calls.map(([, login]) => login)).toEqual([
      { user: 'admin', password: 'first' },
      { user: 'admin', password: 'first' },
      { user: 'admin', password: 'first' },
      { user: 'admin', password: 'second' },
    ]);
  });

  it('reports the refusal when the secret holds the same value: one refetch, no loop', async () => {
    const open = server({ current: 'the real one' });
    const { db, mock } = setup(open);
    mock.on(GetSecretValueCommand).resolves(value('stale'));
    await expect(db.open(fields, undefined)).rejects.toMatchObject({ code: 'AUTH_FAILED' });
    expect(mock.commandCalls(GetSecretValueCommand)).toHaveLength(2);
    expect(open).toHaveBeenCalledTimes(1);
  });

  it('does not refetch for other failures', async () => {
    const open = vi.fn<OpenConnection>(async () => {
      throw new AppError('UNREACHABLE', 'Cannot reach 127.0.0.1:3306');
    });
    const { db, mock } = setup(open);
    mock.on(GetSecretValueCommand).resolves(value('pw'));
    await expect(db.open(fields, undefined)).rejects.toMatchObject({ code: 'UNREACHABLE' });
    expect(mock.commandCalls(GetSecretValueCommand)).toHaveLength(1);
  });

  it('a profile without a source, as saved before sources existed, uses the saved password', async () => {
    const open = vi.fn<OpenConnection>(async () => conn);
    const { db, mock } = setup(open);
    const { credentials: _none, ...legacy } = fields;
    await db.open(legacy, 'saved');
    expect(open.mock.calls[0]?.[1]).toEqual({ user: 'someone-else', password: 'saved' });
    expect(mock.calls()).toHaveLength(0);
  });
});
