import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createServer, type AddressInfo } from 'node:net';
import { createInterface } from 'node:readline';
import {
  DynamoDBClient,
  ListTablesCommand,
  ProvisionedThroughputExceededException,
  ScanCommand,
} from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { labCredentialsPath, readLabCredentials, type LabCredentials } from '../../src/lab/lab-credentials';

// `npm run lab` as a user runs it: the built CLI, its printed endpoint and commands, fault and reset.
const CLI = resolve('out/main/lab.js');
let dataDir: string;
let lab: ChildProcess | undefined;
const output: string[] = [];
let endpoint = '';
let keys: LabCredentials;

function runCli(args: string[]) {
  return spawnSync(process.execPath, [CLI, ...args], {
    encoding: 'utf8',
    timeout: 30_000,
    env: { ...process.env, RDX_LOG: 'silent' },
  });
}

beforeAll(async () => {
  if (!existsSync(CLI)) throw new Error('out/main/lab.js is missing: run `npm run build` first');
  dataDir = await mkdtemp(join(tmpdir(), 'rdx-lab-cli-'));
  lab = spawn(
    process.execPath,
    [CLI, '--port', '0', '--data-dir', dataDir, '--seed', 'none', '--dynamodb', 'dynalite'],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  await new Promise<void>((done, fail) => {
    createInterface({ input: lab!.stdout! }).on('line', (line) => {
      output.push(line);
      const match = /^Local lab ready: (http:\/\/\S+)/.exec(line);
      if (match?.[1]) endpoint = match[1];
      if (line.startsWith('Faults:')) done();
    });
    lab!.once('exit', (code) => fail(new Error(`lab exited ${code}: ${output.join('\n')}`)));
  });
  const read = await readLabCredentials(dataDir);
  if (!read) throw new Error(`the lab made no keys in ${dataDir}`);
  keys = read;
}, 120_000);

afterAll(async () => {
  if (lab && lab.exitCode === null) {
    const exited = new Promise((r) => lab!.once('exit', r));
    lab.kill('SIGTERM');
    await exited;
  }
  await rm(dataDir, { recursive: true, force: true });
}, 60_000);

describe('npm run lab', () => {
  it('prints the endpoint, its own keys (kept 0600 in the data dir) and ready-to-paste commands', async () => {
    expect(endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(keys.accessKeyId).toMatch(/^LKIA[A-Z2-7]{16}$/);
    expect((await stat(labCredentialsPath(dataDir))).mode & 0o777).toBe(0o600);
    const text = output.join('\n');
    expect(text).toContain(
      `export AWS_ACCESS_KEY_ID=${keys.accessKeyId} AWS_SECRET_ACCESS_KEY=${keys.secretAccessKey} AWS_DEFAULT_REGION=us-east-1`,
    );
    expect(text).toContain(`aws configure set aws_secret_access_key ${keys.secretAccessKey} --profile lab`);
    expect(text).toContain(`aws --endpoint-url ${endpoint} dynamodb scan --table-name Users`);
    expect(text).toContain(`aws --endpoint-url ${endpoint} rds describe-db-instances`);
  });

  it('applies a fault to the running lab, observed with the SDK', async () => {
    const port = new URL(endpoint).port;
    const dynamo = new DynamoDBClient({
      endpoint,
      region: 'us-east-1',
      credentials: keys,
      maxAttempts: 1,
    });
    // Without the lab's key (another data dir has none), no fault is applied.
    const keyless = runCli([
      'fault',
      'throttle',
      '1',
      '--port',
      port,
      '--data-dir',
      join(dataDir, 'elsewhere'),
    ]);
    expect(keyless.status).toBe(1);
    expect(keyless.stderr).toContain('No lab keys in');
    await expect(dynamo.send(new ScanCommand({ TableName: 'Nope' }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
    });
    const applied = runCli(['fault', 'throttle', '1', '--port', port, '--data-dir', dataDir]);
    expect(applied.status).toBe(0);
    expect(applied.stdout).toContain('"kind":"throttle"');
    // Table calls pass; item calls are throttled, as on AWS.
    await expect(dynamo.send(new ListTablesCommand({}))).resolves.toBeDefined();
    await expect(dynamo.send(new ScanCommand({ TableName: 'Nope' }))).rejects.toBeInstanceOf(
      ProvisionedThroughputExceededException,
    );
    expect(runCli(['fault', 'throttle', '0', '--port', port, '--data-dir', dataDir]).status).toBe(0);
    const refused = runCli(['fault', 'explode', 'x', '--port', port, '--data-dir', dataDir]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('InvalidFault');
    dynamo.destroy();
  });

  it('refuses to reset a running lab, and resets a stopped one', async () => {
    const busy = runCli(['reset', '--data-dir', dataDir]);
    expect(busy.status).toBe(1);
    expect(busy.stderr).toMatch(/is running on .*stop it before reset/);
    const exited = new Promise((r) => lab!.once('exit', r));
    lab!.kill('SIGTERM');
    await exited;
    const reset = runCli(['reset', '--data-dir', dataDir]);
    expect(reset.status).toBe(0);
    expect(existsSync(dataDir)).toBe(false);
  });

  it('refuses to listen beyond loopback without --unsafe-listen', () => {
    const open = runCli(['--host', '0.0.0.0', '--port', '0', '--data-dir', join(dataDir, 'never')]);
    expect(open.status).toBe(1);
    expect(open.stderr).toContain(
      'Refusing to listen on 0.0.0.0: only loopback is allowed without --unsafe-listen',
    );
  });

  it('names the flag to change when the port is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((done) => blocker.listen(0, '127.0.0.1', done));
    const { port } = blocker.address() as AddressInfo;
    const clashDir = await mkdtemp(join(tmpdir(), 'rdx-lab-clash-'));
    try {
      const clash = runCli([
        '--port',
        String(port),
        '--data-dir',
        clashDir,
        '--seed',
        'none',
        '--dynamodb',
        'dynalite',
      ]);
      expect(clash.status).toBe(1);
      expect(clash.stderr).toContain('--port');
    } finally {
      blocker.close();
      await rm(clashDir, { recursive: true, force: true });
    }
  });
});
