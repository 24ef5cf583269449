import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  CreateSecretCommand,
  DeleteSecretCommand,
  DescribeSecretCommand,
  GetSecretValueCommand,
  InvalidNextTokenException,
  InvalidRequestException,
  ListSecretsCommand,
  ListSecretVersionIdsCommand,
  PutSecretValueCommand,
  ResourceExistsException,
  ResourceNotFoundException,
  RestoreSecretCommand,
  type SecretsManagerClient,
  UpdateSecretCommand,
  UpdateSecretVersionStageCommand,
  type Filter,
} from '@aws-sdk/client-secrets-manager';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceHandler } from '../../src/lab/edge/types';
import { createSecretsService } from '../../src/lab/secrets/secrets-service';
import {
  rejection,
  SECRETS_REGION as REGION,
  startSecretsEdge,
  type SecretsEdge,
} from '../support/lab-secrets-edge';
import { makeTempDir, type TempDir } from '../support/temp-dir';

const DAY_MS = 24 * 60 * 60 * 1000;

// The lab's clock: one second passes per call, so creation order is strict; tests jump it by days.
let clockMs = Date.parse('2025-01-01T00:00:00Z');
const now = (): Date => new Date((clockMs += 1000));

let lab: SecretsEdge;
let dir: TempDir;
let client: SecretsManagerClient;
let services: Partial<Record<string, ServiceHandler>>;

beforeAll(async () => {
  lab = await startSecretsEdge({ label: 'lab-secrets', now });
  ({ dir, client, services } = lab);
});

afterAll(async () => {
  await lab?.close();
});

describe('Secrets Manager over the edge', () => {
  it('creates, reads and describes a secret', async () => {
    const created = await client.send(
      new CreateSecretCommand({
        Name: 'course/db',
        Description: 'Course database',
        SecretString: '{"username":"admin","password":"pw1"}',
        Tags: [{ Key: 'course', Value: 'rds' }],
      }),
    );
    expect(created.ARN).toMatch(
      /^arn:aws:secretsmanager:us-east-1:000000000000:secret:course\/db-[A-Za-z0-9]{6}$/,
    );
    const value = await client.send(new GetSecretValueCommand({ SecretId: 'course/db' }));
    expect(value).toMatchObject({
      Name: 'course/db',
      VersionId: created.VersionId,
      VersionStages: ['AWSCURRENT'],
    });
    expect(JSON.parse(value.SecretString ?? '')).toEqual({ username: 'admin', password: 'pw1' });
    expect(value.CreatedDate).toBeInstanceOf(Date);
    const byArn = await client.send(new DescribeSecretCommand({ SecretId: created.ARN }));
    expect(byArn).toMatchObject({
      Name: 'course/db',
      Description: 'Course database',
      Tags: [{ Key: 'course', Value: 'rds' }],
      VersionIdsToStages: { [created.VersionId ?? '']: ['AWSCURRENT'] },
      PrimaryRegion: REGION,
    });
    expect(byArn.LastAccessedDate?.toISOString()).toMatch(/T00:00:00.000Z$/);
    const partialArn = created.ARN?.slice(0, -7);
    expect((await client.send(new DescribeSecretCommand({ SecretId: partialArn }))).ARN).toBe(created.ARN);
  });

  it('keeps binary secrets as bytes', async () => {
    const bytes = new Uint8Array([0, 1, 2, 250, 255]);
    await client.send(new CreateSecretCommand({ Name: 'binary/key', SecretBinary: bytes }));
    const value = await client.send(new GetSecretValueCommand({ SecretId: 'binary/key' }));
    expect(value.SecretString).toBeUndefined();
    expect([...(value.SecretBinary ?? [])]).toEqual([...bytes]);
  });

  it('moves version stages on new values, and back by hand', async () => {
    const { VersionId: v1 } = await client.send(
      new CreateSecretCommand({ Name: 'stages', SecretString: 'one' }),
    );
    const put = await client.send(new PutSecretValueCommand({ SecretId: 'stages', SecretString: 'two' }));
    expect(put.VersionStages).toEqual(['AWSCURRENT']);
    const previous = await client.send(
      new GetSecretValueCommand({ SecretId: 'stages', VersionStage: 'AWSPREVIOUS' }),
    );
    expect(previous).toMatchObject({ VersionId: v1, SecretString: 'one' });
    const { VersionId: v3 } = await client.send(
      new PutSecretValueCommand({ SecretId: 'stages', SecretString: 'draft', VersionStages: ['review'] }),
    );
    expect((await client.send(new GetSecretValueCommand({ SecretId: 'stages' }))).SecretString).toBe('two');
    expect(
      (await client.send(new GetSecretValueCommand({ SecretId: 'stages', VersionId: v3 }))).SecretString,
    ).toBe('draft');
    // Roll AWSCURRENT back to the first version, as AWS documents for undoing a bad value.
    await client.send(
      new UpdateSecretVersionStageCommand({
        SecretId: 'stages',
        VersionStage: 'AWSCURRENT',
        MoveToVersionId: v1,
        RemoveFromVersionId: put.VersionId,
      }),
    );
    expect((await client.send(new GetSecretValueCommand({ SecretId: 'stages' }))).SecretString).toBe('one');
    const { Versions } = await client.send(new ListSecretVersionIdsCommand({ SecretId: 'stages' }));
    const stagesById = Object.fromEntries((Versions ?? []).map((v) => [v.VersionId, v.VersionStages]));
    expect(stagesById).toEqual({
      [v1 ?? '']: ['AWSCURRENT'],
      [put.VersionId ?? '']: ['AWSPREVIOUS'],
      [v3 ?? '']: ['review'],
    });
  });

  it('updates description and value; a retried token is idempotent, a reused one refused', async () => {
    await client.send(new CreateSecretCommand({ Name: 'update-me', SecretString: 'a' }));
    const token = 'a'.repeat(32);
    const updated = await client.send(
      new UpdateSecretCommand({
        SecretId: 'update-me',
        Description: 'new words',
        SecretString: 'b',
        ClientRequestToken: token,
      }),
    );
    expect(updated.VersionId).toBe(token);
    const again = await client.send(
      new PutSecretValueCommand({ SecretId: 'update-me', SecretString: 'b', ClientRequestToken: token }),
    );
    expect(again.VersionId).toBe(token);
    const reused = await rejection(
      client.send(
        new PutSecretValueCommand({ SecretId: 'update-me', SecretString: 'c', ClientRequestToken: token }),
      ),
    );
    expect(reused).toBeInstanceOf(ResourceExistsException);
    expect((await client.send(new DescribeSecretCommand({ SecretId: 'update-me' }))).Description).toBe(
      'new words',
    );
  });

  it('lists with filters, sorting and paging', async () => {
    for (const name of ['list/alpha', 'list/beta', 'list/gamma', 'list/delta', 'other/epsilon']) {
      await client.send(
        new CreateSecretCommand({
          Name: name,
          Description: `The ${name.split('/')[1]} secret`,
          SecretString: 'x',
          Tags: [{ Key: name.startsWith('list') ? 'group' : 'misc', Value: 'lab-tests' }],
        }),
      );
    }
    const names = async (
      Filters: Filter[],
      extra: Partial<{ SortBy: 'name'; SortOrder: 'asc' | 'desc' }> = {},
    ) =>
      ((await client.send(new ListSecretsCommand({ Filters, ...extra }))).SecretList ?? []).map(
        (s) => s.Name,
      );
    expect(await names([{ Key: 'name', Values: ['list/'] }])).toEqual([
      'list/alpha',
      'list/beta',
      'list/gamma',
      'list/delta',
    ]);
    expect(await names([{ Key: 'name', Values: ['list/'] }], { SortBy: 'name', SortOrder: 'desc' })).toEqual([
      'list/gamma',
      'list/delta',
      'list/beta',
      'list/alpha',
    ]);
    expect(await names([{ Key: 'description', Values: ['the EPS'] }])).toEqual(['other/epsilon']);
    expect(await names([{ Key: 'tag-key', Values: ['misc'] }])).toEqual(['other/epsilon']);
    expect(
      await names([
        { Key: 'tag-value', Values: ['lab-'] },
        { Key: 'name', Values: ['!list/'] },
      ]),
    ).toEqual(['other/epsilon']);
    expect(await names([{ Key: 'all', Values: ['gamma'] }])).toEqual(['list/gamma']);

    const paged: string[] = [];
    let NextToken: string | undefined;
    let pages = 0;
    do {
      const page = await client.send(
        new ListSecretsCommand({
          Filters: [{ Key: 'name', Values: ['list/', 'other/'] }],
          MaxResults: 2,
          NextToken,
        }),
      );
      paged.push(...(page.SecretList ?? []).map((s) => s.Name ?? ''));
      NextToken = page.NextToken;
      pages++;
    } while (NextToken);
    expect(pages).toBe(3);
    expect(paged).toEqual(['list/alpha', 'list/beta', 'list/gamma', 'list/delta', 'other/epsilon']);
    const bad = await rejection(client.send(new ListSecretsCommand({ NextToken: 'not-a-token' })));
    expect(bad).toBeInstanceOf(InvalidNextTokenException);
  });

  it('schedules deletion, refuses the value meanwhile, restores, and purges after the window', async () => {
    await client.send(new CreateSecretCommand({ Name: 'doomed', SecretString: 'bye' }));
    const before = clockMs;
    const deleted = await client.send(
      new DeleteSecretCommand({ SecretId: 'doomed', RecoveryWindowInDays: 7 }),
    );
    expect((deleted.DeletionDate?.getTime() ?? 0) - before).toBeGreaterThanOrEqual(7 * DAY_MS);
    expect((deleted.DeletionDate?.getTime() ?? 0) - before).toBeLessThan(7 * DAY_MS + 10_000);
    expect(await rejection(client.send(new GetSecretValueCommand({ SecretId: 'doomed' })))).toBeInstanceOf(
      InvalidRequestException,
    );
    expect((await client.send(new DescribeSecretCommand({ SecretId: 'doomed' }))).DeletedDate).toBeInstanceOf(
      Date,
    );
    const listed = async (IncludePlannedDeletion: boolean) =>
      (
        await client.send(
          new ListSecretsCommand({ IncludePlannedDeletion, Filters: [{ Key: 'name', Values: ['doomed'] }] }),
        )
      ).SecretList?.length;
    expect(await listed(false)).toBe(0);
    expect(await listed(true)).toBe(1);
    expect(
      await rejection(client.send(new CreateSecretCommand({ Name: 'doomed', SecretString: 'x' }))),
    ).toBeInstanceOf(InvalidRequestException);
    expect(await rejection(client.send(new DeleteSecretCommand({ SecretId: 'doomed' })))).toBeInstanceOf(
      InvalidRequestException,
    );
    await client.send(new RestoreSecretCommand({ SecretId: 'doomed' }));
    expect((await client.send(new GetSecretValueCommand({ SecretId: 'doomed' }))).SecretString).toBe('bye');

    await client.send(new DeleteSecretCommand({ SecretId: 'doomed', RecoveryWindowInDays: 7 }));
    clockMs += 8 * DAY_MS;
    expect(await rejection(client.send(new DescribeSecretCommand({ SecretId: 'doomed' })))).toBeInstanceOf(
      ResourceNotFoundException,
    );
    await client.send(new CreateSecretCommand({ Name: 'doomed', SecretString: 'reborn' }));
  });

  it('force-deletes at once, and quietly for a secret that does not exist', async () => {
    await client.send(new CreateSecretCommand({ Name: 'forced', SecretString: 'x' }));
    await client.send(new DeleteSecretCommand({ SecretId: 'forced', ForceDeleteWithoutRecovery: true }));
    expect(await rejection(client.send(new DescribeSecretCommand({ SecretId: 'forced' })))).toBeInstanceOf(
      ResourceNotFoundException,
    );
    const missing = await client.send(
      new DeleteSecretCommand({ SecretId: 'never-was', ForceDeleteWithoutRecovery: true }),
    );
    expect(missing.Name).toBe('never-was');
  });

  it('keeps secrets in the data dir across restarts, readable only by the user', async () => {
    const file = join(dir.path, 'secrets', 'secrets.json');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    services.secretsmanager = createSecretsService({ dataDir: dir.path, region: REGION, now }).handler;
    const value = await client.send(new GetSecretValueCommand({ SecretId: 'course/db' }));
    expect(JSON.parse(value.SecretString ?? '')).toMatchObject({ password: 'pw1' });
  });

  it('moves an unreadable data file aside, says so, and starts empty', async () => {
    const other = await makeTempDir('lab-secrets-bad');
    const secretsDir = join(other.path, 'secrets');
    try {
      await mkdir(secretsDir);
      await writeFile(join(secretsDir, 'secrets.json'), '{"version": 1, "secrets": [');
      const warnings: string[] = [];
      services.secretsmanager = createSecretsService({
        dataDir: other.path,
        region: REGION,
        warn: (message) => warnings.push(message),
      }).handler;
      expect((await client.send(new ListSecretsCommand({}))).SecretList).toEqual([]);
      expect(warnings).toEqual([
        expect.stringMatching(/unreadable; moved it to .*secrets\.json\.unreadable-/),
      ]);
      const [aside] = (await readdir(secretsDir)).filter((name) => name.includes('.unreadable-'));
      expect(await readFile(join(secretsDir, aside ?? ''), 'utf8')).toBe('{"version": 1, "secrets": [');
    } finally {
      services.secretsmanager = createSecretsService({ dataDir: dir.path, region: REGION, now }).handler;
      await other.remove();
    }
  });
});
