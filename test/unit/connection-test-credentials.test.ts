import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Channel, Req } from '../../src/shared/contract';
import type { ProfileFields } from '../../src/shared/models/profile';
import { dispatch } from '../../src/shared/rpc';
import { mergeStoredCredentials } from '../../src/main/profiles/credential-merge';
import { nativeScramble, startFakeMysqlServer, type FakeMysqlServer } from '../support/fake-mysql-server';
import { tempServices } from './support/temp-services';

const STORED: ProfileFields = {
  name: 'prod',
  host: 'db.example.com',
  port: 3306,
  user: 'admin',
  database: '',
  tls: true,
  color: 'red',
  readOnly: false,
  credentials: { source: 'password' },
  ssh: { host: 'bastion.example.com', port: 22, user: 'ops', auth: { kind: 'key', keyPath: '/k' } },
};
const IAM = { source: 'iam', awsProfile: 'prod', region: 'eu-west-1' } as const;
const SECRETS = { password: 'Stored-pass-1', sshPassphrase: 'Stored-phrase-1' };
const KEEP = { password: undefined, sshPassphrase: undefined };

describe('mergeStoredCredentials', () => {
  const merge = (edited: ProfileFields, stored: ProfileFields = STORED) =>
    mergeStoredCredentials({ fields: stored, ...SECRETS }, { fields: edited, ...KEEP });

  it('fills in the stored password and passphrase when only harmless fields changed', () => {
    const edited = { ...STORED, name: 'renamed', database: 'app', color: 'blue' as const, readOnly: true };
    expect(merge(edited)).toEqual({ fields: edited, ...SECRETS, withheld: null });
    expect(merge({ ...STORED, host: 'DB.example.com' }).withheld).toBeNull();
    // Turning TLS on only adds protection.
    expect(merge({ ...STORED, tls: true }, { ...STORED, tls: false }).withheld).toBeNull();
  });

  it.each([
    ['host', { host: 'evil.example.com' }, 'Host changed: enter the password to test against the new host.'],
    ['port', { port: 3307 }, 'Port changed: enter the password to test against the new port.'],
    ['tls', { tls: false }, 'TLS turned off: enter the password to test without TLS.'],
    ['ssh', { ssh: { ...STORED.ssh!, host: 'other.example.com' } }, 'SSH bastion changed'],
    ['ssh', { ssh: { ...STORED.ssh!, port: 2222 } }, 'SSH bastion changed'],
    ['ssh', { ssh: { ...STORED.ssh!, user: 'root' } }, 'SSH bastion changed'],
    ['ssh', { ssh: undefined }, 'SSH bastion changed'],
    ['credentials', { credentials: IAM }, 'Credential source changed'],
  ] as const)('drops every stored secret when the %s changes', (changed, edit, message) => {
    const merged = merge({ ...STORED, ...edit });
    expect(merged).toMatchObject({ password: undefined, sshPassphrase: undefined });
    expect(merged.withheld).toMatchObject({ changed });
    expect(merged.withheld?.message).toContain(message);
  });

  it('drops the stored credential source (IAM, a secret) when the target changed', () => {
    const stored = { ...STORED, credentials: IAM };
    const { credentials: _omit, ...noSource } = { ...stored, host: 'evil.example.com' };
    const elsewhere = mergeStoredCredentials({ fields: stored, ...SECRETS }, { fields: noSource, ...KEEP });
    expect(elsewhere.fields.credentials).toEqual({ source: 'password' });
    expect(elsewhere.withheld).toMatchObject({ changed: 'host', secret: 'password' });
    // The form sends the source it was opened with: the stored one, on another host, is not used either.
    const formSent = mergeStoredCredentials(
      { fields: stored, ...SECRETS },
      { fields: { ...stored, host: 'evil.example.com' }, ...KEEP },
    );
    expect(formSent.fields.credentials).toEqual({ source: 'password' });
    // A source the user newly chose is theirs to test with.
    const chosen = { ...IAM, awsProfile: 'staging' };
    const fresh = mergeStoredCredentials(
      { fields: stored, ...SECRETS },
      { fields: { ...stored, host: 'evil.example.com', credentials: chosen }, ...KEEP },
    );
    expect(fresh.fields.credentials).toEqual(chosen);
    const { credentials: _same, ...sameTarget } = stored;
    const kept = mergeStoredCredentials({ fields: stored, ...SECRETS }, { fields: sameTarget, ...KEEP });
    expect(kept.fields.credentials).toEqual(IAM);
  });

  it('gives a newly added SSH tunnel no stored passphrase, and uses what the user typed', () => {
    const { ssh: _none, ...direct } = STORED;
    const added = mergeStoredCredentials({ fields: direct, ...SECRETS }, { fields: STORED, ...KEEP });
    expect(added).toMatchObject({
      password: undefined,
      sshPassphrase: undefined,
      withheld: { changed: 'ssh' },
    });
    const typed = mergeStoredCredentials(
      { fields: STORED, ...SECRETS },
      { fields: { ...STORED, host: 'other' }, password: 'Typed-1', sshPassphrase: 'Typed-2' },
    );
    expect(typed).toMatchObject({ password: 'Typed-1', sshPassphrase: 'Typed-2', withheld: null });
  });

  it('tests a new profile and a cleared password with nothing stored', () => {
    expect(mergeStoredCredentials(undefined, { fields: STORED, ...KEEP })).toEqual({
      fields: STORED,
      password: undefined,
      sshPassphrase: undefined,
      withheld: null,
    });
    const cleared = mergeStoredCredentials(
      { fields: STORED, ...SECRETS },
      { fields: STORED, password: null, sshPassphrase: undefined },
    );
    expect(cleared).toMatchObject({ password: undefined, sshPassphrase: SECRETS.sshPassphrase });
  });
});

describe('connections.test on an edited profile', () => {
  let app: Awaited<ReturnType<typeof tempServices>>;
  let stored: FakeMysqlServer;
  let other: FakeMysqlServer;
  const password = 'Stored-secret-1';

  beforeAll(async () => {
    app = await tempServices();
    stored = await startFakeMysqlServer('127.0.0.1');
    // Another host: any 127.0.0.0/8 address is this machine, but not the address the profile was saved for.
    other = await startFakeMysqlServer('127.0.0.2');
  });
  afterAll(async () => {
    await stored?.stop();
    await other?.stop();
    await app?.cleanup();
  });

  const test = (req: Req<'connections.test'>) =>
    dispatch(app.services.handlers, 'connections.test' satisfies Channel, req, { transport: 'direct' });

  it('sends the stored password to the saved address, never to another host', async () => {
    const fields: ProfileFields = {
      name: 'saved',
      host: stored.host,
      port: stored.port,
      user: 'app',
      database: '',
      tls: false,
      color: 'blue',
      readOnly: false,
      credentials: { source: 'password' },
    };
    const saved = await dispatch(
      app.services.handlers,
      'profiles.save',
      { fields, password },
      { transport: 'direct' },
    );
    if (!saved.ok) throw new Error(saved.error.message);
    const profileId = (saved.value as { id: string }).id;

    // Unchanged address: the stored password is used (the fake sees its scramble).
    await test({ fields: { ...fields, name: 'renamed' }, profileId });
    expect(stored.logins).toHaveLength(1);
    const [kept] = stored.logins;
    expect(kept?.authData.equals(nativeScramble(password, kept.nonce))).toBe(true);

    // Pointed at another host:port: a login without any password, and a request for it.
    const moved = await test({ fields: { ...fields, host: other.host, port: other.port }, profileId });
    expect(other.logins.map((l) => l.user)).toEqual(['app']);
    expect(other.logins[0]?.authData).toHaveLength(0);
    expect(moved).toMatchObject({
      ok: false,
      error: {
        code: 'AUTH_FAILED',
        message: 'Host changed: enter the password to test against the new host.',
        details: { withheld: 'password', changed: 'host' },
      },
    });
  });
});
