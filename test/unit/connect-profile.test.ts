import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connectionFieldsFor, refreshedFields } from '../../src/main/connect/instance-profile';
import { ProfileService } from '../../src/main/profiles/profile-service';
import { ProfileStore } from '../../src/main/profiles/profile-store';
import { createMemorySecretStore } from '../../src/main/profiles/secret-store';
import type { RdsInstance } from '../../src/shared/models/rds';

const ARN = 'arn:aws:rds:eu-west-1:123456789012:db:orders';
const SECRET = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:rds!db-1111-AbCdEf';

const instance = (extra: Partial<RdsInstance> = {}): RdsInstance => ({
  id: 'orders',
  arn: ARN,
  region: 'eu-west-1',
  engine: 'mysql',
  status: 'available',
  multiAz: false,
  endpoint: { address: 'orders.abc123.eu-west-1.rds.amazonaws.com', port: 3306 },
  storage: {},
  encrypted: true,
  publiclyAccessible: false,
  iamAuth: false,
  deletionProtection: false,
  role: 'standalone',
  replicaIds: [],
  replicas: [],
  statusInfos: [],
  masterUsername: 'admin',
  securityGroupIds: [],
  parameterGroups: [],
  pendingModifications: {},
  tags: [],
  ...extra,
});

describe('connectionFieldsFor', () => {
  it('prefers the master secret, then IAM, then a password prompt', () => {
    const secret = connectionFieldsFor(
      instance({ masterUserSecret: { arn: SECRET }, iamAuth: true }),
      'prod',
    );
    expect(secret).toMatchObject({
      name: 'orders',
      host: 'orders.abc123.eu-west-1.rds.amazonaws.com',
      port: 3306,
      user: 'admin',
      engine: 'mysql',
      tls: true,
      credentials: { source: 'secret', secretArn: SECRET, awsProfile: 'prod', region: 'eu-west-1' },
    });
    expect(connectionFieldsFor(instance({ iamAuth: true }), 'prod').credentials).toEqual({
      source: 'iam',
      awsProfile: 'prod',
      region: 'eu-west-1',
    });
    expect(connectionFieldsFor(instance(), 'prod').credentials).toEqual({ source: 'password' });
  });

  it('leaves TLS off for the lab’s loopback endpoints', () => {
    const lab = connectionFieldsFor(instance({ endpoint: { address: '127.0.0.1', port: 40123 } }), '@lab');
    expect(lab).toMatchObject({ host: '127.0.0.1', port: 40123, tls: false });
  });

  it('refuses engines it cannot speak and instances without an endpoint yet', () => {
    expect(() => connectionFieldsFor(instance({ engine: 'postgres' }), 'prod')).toThrow(
      expect.objectContaining({ code: 'INVALID_REQUEST' }),
    );
    expect(() => connectionFieldsFor(instance({ endpoint: undefined, status: 'creating' }), 'prod')).toThrow(
      expect.objectContaining({ code: 'UNREACHABLE' }),
    );
  });
});

describe('refreshedFields', () => {
  const made = connectionFieldsFor(instance({ masterUserSecret: { arn: SECRET } }), 'prod');

  it('follows a moved endpoint and a new managed secret, keeping the user’s edits', () => {
    const edited = { ...made, name: 'Orders (prod)', color: 'red' as const, database: 'shop' };
    const newSecret = SECRET.replace('1111', '2222');
    const fresh = connectionFieldsFor(
      instance({ endpoint: { address: '127.0.0.1', port: 4000 }, masterUserSecret: { arn: newSecret } }),
      'prod',
    );
    expect(refreshedFields(edited, fresh)).toEqual({
      ...edited,
      host: '127.0.0.1',
      port: 4000,
      credentials: { ...made.credentials, secretArn: newSecret },
    });
    expect(refreshedFields(made, made)).toBeUndefined();
  });

  it('keeps a source the user chose over the instance’s', () => {
    const chosen = { ...made, credentials: { source: 'password' as const } };
    expect(refreshedFields(chosen, made)).toBeUndefined();
  });
});

describe('profiles linked to an instance', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'rdx-link-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('are made once, found again by ARN, and keep their link through an edit from the form', async () => {
    const service = new ProfileService(new ProfileStore({ dataDir: dir }), createMemorySecretStore());
    const fields = connectionFieldsFor(instance({ masterUserSecret: { arn: SECRET } }), 'prod');
    const link = { id: 'orders', region: 'eu-west-1', arn: ARN };
    const [a, b] = await Promise.all([
      service.linkToRds(link, fields, (existing) => refreshedFields(existing, fields)),
      service.linkToRds(link, fields, (existing) => refreshedFields(existing, fields)),
    ]);
    expect(b.id).toBe(a.id);
    expect(a).toMatchObject({ rdsInstance: link, hasPassword: false });

    // The form sends the fields it shows, without a source: the stored source and link stay.
    const { credentials: _c, engine: _e, ...formFields } = fields;
    await service.save(a.id, { ...formFields, name: 'renamed' }, undefined);
    const reopened = new ProfileService(new ProfileStore({ dataDir: dir }), createMemorySecretStore());
    const { profiles } = await reopened.list();
    expect(profiles).toEqual([
      expect.objectContaining({ name: 'renamed', rdsInstance: link, credentials: fields.credentials }),
    ]);
    const { fields: forMain } = await reopened.credentials(a.id);
    expect(forMain).not.toHaveProperty('rdsInstance');
  });

  it('a file saved before credential sources existed still loads', async () => {
    const legacy = {
      version: 1,
      profiles: [
        {
          id: 'p1',
          name: 'old',
          host: '127.0.0.1',
          port: 3306,
          user: 'root',
          database: '',
          tls: false,
          color: 'blue',
          readOnly: false,
          createdAt: '2024-01-01T00:00:00.000Z',
          updatedAt: '2024-01-01T00:00:00.000Z',
        },
      ],
    };
    await writeFile(join(dir, 'profiles.json'), JSON.stringify(legacy));
    const store = new ProfileStore({ dataDir: dir });
    expect(await store.list()).toEqual([legacy.profiles[0]]);
    expect(store.loadWarning).toBeUndefined();
  });
});
