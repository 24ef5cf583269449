import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LabTarget } from '../../src/main/aws/client-config';
import { MfaPrompter } from '../../src/main/aws/mfa-prompter';
import { AwsProfileCatalog } from '../../src/main/aws/profile-catalog';
import { regionList } from '../../src/main/aws/regions';
import { AppError } from '../../src/shared/errors';

let dir: string;
let paths: { config: string; credentials: string };

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rdx-aws-profiles-'));
  paths = { config: join(dir, 'config'), credentials: join(dir, 'credentials') };
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const LAB: LabTarget = {
  kind: 'lab',
  endpoint: 'http://127.0.0.1:4566',
  region: 'us-east-1',
  credentials: { accessKeyId: 'lab', secretAccessKey: 'lab' },
};

function catalog(env: NodeJS.ProcessEnv, lab: LabTarget | undefined = undefined): AwsProfileCatalog {
  return new AwsProfileCatalog({ lab: { awsTarget: () => lab }, env, paths });
}

describe('AwsProfileCatalog', () => {
  it('offers the lab alone, as default, when there are no files', async () => {
    const list = await catalog({}).list();
    expect(list.profiles).toEqual([
      { name: '@lab', label: 'Local lab', kind: 'lab', source: 'lab', region: 'us-east-1', running: false },
    ]);
    expect(list.defaultProfile).toBe('@lab');
    expect(list.files.config).toEqual({ path: paths.config, exists: false });
    expect(list.problems).toEqual([]);
  });

  it('lists the lab first, then environment keys, then the files’ profiles by name', async () => {
    await writeFile(paths.config, '[profile zeta]\nregion = eu-west-1\n[default]\nregion = us-east-2\n');
    await writeFile(paths.credentials, '[alpha]\naws_access_key_id = A\naws_secret_access_key = B\n');
    const env = { AWS_ACCESS_KEY_ID: 'AKIA', AWS_SECRET_ACCESS_KEY: 'x', AWS_REGION: 'ca-central-1' };
    const list = await catalog(env, LAB).list();
    expect(list.profiles.map((p) => [p.name, p.kind, p.region])).toEqual([
      ['@lab', 'lab', 'us-east-1'],
      ['@env', 'env', 'ca-central-1'],
      ['alpha', 'static', undefined],
      ['default', 'none', 'us-east-2'],
      ['zeta', 'none', 'eu-west-1'],
    ]);
    expect(list.profiles[0]).toMatchObject({ running: true, endpoint: 'http://127.0.0.1:4566' });
    // Environment keys win over `default`, as in the AWS CLI.
    expect(list.defaultProfile).toBe('@env');
    expect(JSON.stringify(list)).not.toContain('AKIA');
  });

  it('takes AWS_PROFILE as the default, and reports it when no file defines it', async () => {
    await writeFile(paths.config, '[default]\nregion = us-east-2\n[profile work]\nregion = eu-west-1\n');
    expect((await catalog({ AWS_PROFILE: 'work' }).list()).defaultProfile).toBe('work');
    const missing = await catalog({ AWS_PROFILE: 'gone' }).list();
    expect(missing.defaultProfile).toBe('default');
    expect(missing.problems.map((p) => p.message)).toEqual([
      expect.stringContaining("AWS_PROFILE is 'gone'"),
    ]);
  });

  it('lists parse problems naming the file and line', async () => {
    await writeFile(paths.config, '[profile ok]\nregion = eu-west-1\noops\n');
    const { problems, profiles } = await catalog({}).list();
    expect(problems).toEqual([expect.objectContaining({ file: paths.config, line: 3 })]);
    expect(problems[0]?.message.startsWith(`${paths.config} line 3:`)).toBe(true);
    expect(profiles.map((p) => p.name)).toEqual(['@lab', 'ok']);
  });

  it('finds profiles; NOT_FOUND for unknown ones; the lab only while it runs', async () => {
    await writeFile(paths.config, '[profile work]\nregion = eu-west-1\n');
    await expect(catalog({}).find('work')).resolves.toMatchObject({
      kind: 'file',
      profile: { region: 'eu-west-1' },
    });
    await expect(catalog({}).find('nope')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(catalog({}).find('@lab')).rejects.toMatchObject({ code: 'UNREACHABLE' });
    await expect(catalog({}, LAB).find('@lab')).resolves.toMatchObject({ kind: 'lab', target: LAB });
    await expect(catalog({}).find('@env')).rejects.toMatchObject({ code: 'CREDENTIALS_MISSING' });
  });

  it('changes a profile’s fingerprint when its file changes', async () => {
    await writeFile(paths.credentials, '[a]\naws_access_key_id = A\naws_secret_access_key = B\n');
    const before = (await catalog({}).find('a')).fingerprint;
    await writeFile(paths.credentials, '[a]\naws_access_key_id = A2\naws_secret_access_key = B\n');
    expect((await catalog({}).find('a')).fingerprint).not.toBe(before);
  });
});

describe('MfaPrompter', () => {
  const setup = (timeoutMs = 60_000) => {
    const emit = vi.fn();
    let id = 0;
    const prompter = new MfaPrompter({ events: { emit }, timeoutMs, newId: () => `r${++id}`, now: () => 0 });
    return { emit, prompter };
  };

  it('pushes aws.mfaPrompt and resolves with the answered code', async () => {
    const { emit, prompter } = setup();
    const code = prompter.ask('admin', 'arn:aws:iam::1:mfa/alice');
    expect(emit).toHaveBeenCalledWith('aws.mfaPrompt', {
      requestId: 'r1',
      profile: 'admin',
      serialNumber: 'arn:aws:iam::1:mfa/alice',
      expiresAt: new Date(60_000).toISOString(),
    });
    prompter.answer('r1', '123456');
    await expect(code).resolves.toBe('123456');
    // Answered once: a second answer finds nothing.
    expect(() => prompter.answer('r1', '123456')).toThrow(AppError);
  });

  it('fails with CANCELLED without a code, and with TIMEOUT when nobody answers', async () => {
    const { prompter } = setup(20);
    const cancelled = prompter.ask('admin', 'serial');
    prompter.answer('r1', undefined);
    await expect(cancelled).rejects.toMatchObject({ code: 'CANCELLED' });
    await expect(prompter.ask('admin', 'serial')).rejects.toMatchObject({ code: 'TIMEOUT' });
    expect(() => prompter.answer('r2', '123456')).toThrow(/expired/);
  });

  it('cancels every open prompt on shutdown', async () => {
    const { prompter } = setup();
    const pending = [prompter.ask('a', 's'), prompter.ask('b', 's')];
    prompter.cancelAll();
    for (const p of pending) await expect(p).rejects.toMatchObject({ code: 'CANCELLED' });
  });
});

describe('regionList', () => {
  it('preselects the profile’s region and keeps an unknown one', () => {
    const list = regionList('eu-west-1');
    expect(list.preselected).toEqual(['eu-west-1']);
    expect(list.regions.find((r) => r.code === 'eu-west-1')).toEqual({
      code: 'eu-west-1',
      name: 'Europe (Ireland)',
      partition: 'aws',
      optIn: false,
    });
    expect(regionList(undefined).preselected).toEqual(['us-east-1']);
    expect(regionList('xx-future-1').regions.at(-1)).toMatchObject({ code: 'xx-future-1' });
  });
});
