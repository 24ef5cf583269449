import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { createHash, timingSafeEqual } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, connect as netConnect, type AddressInfo, type Server as NetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Server, utils, type Connection as SshConnection } from 'ssh2';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Channel, Req, Res } from '../../src/shared/contract';
import type { ProfileFields, SshTunnel } from '../../src/shared/models/profile';
import { dispatch } from '../../src/shared/rpc';
import { tempServices } from '../unit/support/temp-services';

const harness = inject('harness');
const primary = harness.mariadb!.primary;
const TUNNEL_USER = 'tunnel';
const PASSPHRASE = 'correct horse';

let env: Awaited<ReturnType<typeof tempServices>>;
let keyDir: string;
let bastion: Server;
let bastionPort: number;
/** Client connections the bastion has open right now. */
const openSshClients = new Set<SshConnection>();

const userKey = utils.generateKeyPairSync('ed25519');
const encryptedKey = utils.generateKeyPairSync('ed25519', {
  passphrase: PASSPHRASE,
  cipher: 'aes256-ctr',
  // Few bcrypt rounds: the test is about storage and use, not key strength.
  rounds: 4,
});
const strangerKey = utils.generateKeyPairSync('ed25519');
const hostKey = utils.generateKeyPairSync('ed25519');
/** The bastion's host key as `ssh-ed25519 AAAA…`, the form known_hosts stores. */
const hostPublic = hostKey.public.split(' ').slice(0, 2).join(' ');
let knownHostsFile: string;
let knownHostsBefore: string | undefined;
const allowedKeys = [userKey.public, encryptedKey.public].map((k) => {
  const parsed = utils.parseKey(k);
  if (parsed instanceof Error) throw parsed;
  return parsed;
});

async function call<C extends Channel>(channel: C, req: Req<C>): Promise<Res<C>> {
  const envelope = await dispatch(env.services.handlers, channel, req, { transport: 'direct' });
  if (!envelope.ok) throw Object.assign(new Error(envelope.error.message), envelope.error);
  return envelope.value as Res<C>;
}

const ssh = (over: Partial<SshTunnel> = {}): SshTunnel => ({
  host: '127.0.0.1',
  port: bastionPort,
  user: TUNNEL_USER,
  auth: { kind: 'key', keyPath: join(keyDir, 'id_ed25519') },
  ...over,
});

// The MySQL host is resolved by the bastion: loopback there is the harness MariaDB.
const fields = (over: Partial<ProfileFields> = {}): ProfileFields => ({
  name: 'via bastion',
  host: '127.0.0.1',
  port: primary.port,
  user: primary.user,
  database: '',
  tls: false,
  color: 'blue',
  readOnly: false,
  ssh: ssh(),
  ...over,
});

/** A real SSH server: public-key auth for one user, `direct-tcpip` to 127.0.0.1 only. */
function startBastion(): Promise<Server> {
  const server = new Server({ hostKeys: [hostKey.private] }, (client) => {
    openSshClients.add(client);
    client.on('close', () => openSshClients.delete(client));
    client.on('error', () => undefined);
    client.on('authentication', (ctx) => {
      if (ctx.method !== 'publickey' || ctx.username !== TUNNEL_USER) return ctx.reject(['publickey']);
      const key = allowedKeys.find(
        (k) =>
          k.type === ctx.key.algo &&
          k.getPublicSSH().length === ctx.key.data.length &&
          timingSafeEqual(k.getPublicSSH(), ctx.key.data),
      );
      if (!key) return ctx.reject(['publickey']);
      // Without a signature the client only asks whether the key would do.
      if (!ctx.signature) return ctx.accept();
      return key.verify(ctx.blob!, ctx.signature, ctx.hashAlgo) === true ? ctx.accept() : ctx.reject();
    });
    client.on('ready', () => {
      client.on('tcpip', (accept, reject, info) => {
        if (info.destIP !== '127.0.0.1') return reject();
        const socket = netConnect(info.destPort, info.destIP);
        socket.once('error', () => reject());
        socket.once('connect', () => {
          socket.removeAllListeners('error');
          socket.on('error', () => undefined);
          const channel = accept();
          channel.pipe(socket).pipe(channel);
        });
      });
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

let agent: ChildProcess | undefined;

/** Starts an OpenSSH agent on a socket of its own holding the test user's key. */
async function startAgent(): Promise<string> {
  const socket = join(keyDir, 'agent.sock');
  agent = spawn('/usr/bin/ssh-agent', ['-D', '-a', socket], { stdio: 'ignore' });
  await until(() => existsSync(socket));
  await promisify(execFile)('/usr/bin/ssh-add', [join(keyDir, 'id_ed25519')], {
    env: { ...process.env, SSH_AUTH_SOCK: socket },
  });
  return socket;
}

/** A loopback port nothing listens on: bound, then closed. */
async function closedPort(): Promise<number> {
  const server: NetServer = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Writes the known_hosts file the tunnel reads (through RDX_SSH_KNOWN_HOSTS). */
async function writeKnownHosts(...lines: string[]): Promise<void> {
  await writeFile(knownHostsFile, lines.map((l) => `${l}\n`).join(''));
}

const trustBastion = (): Promise<void> => writeKnownHosts(`[127.0.0.1]:${bastionPort} ${hostPublic}`);

async function until(check: () => boolean, timeoutMs = 5_000): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

beforeAll(async () => {
  env = await tempServices();
  keyDir = await mkdtemp(join(tmpdir(), 'rdx-ssh-'));
  await writeFile(join(keyDir, 'id_ed25519'), userKey.private, { mode: 0o600 });
  await writeFile(join(keyDir, 'id_encrypted'), encryptedKey.private, { mode: 0o600 });
  await writeFile(join(keyDir, 'id_stranger'), strangerKey.private, { mode: 0o600 });
  bastion = await startBastion();
  bastionPort = (bastion.address() as AddressInfo).port;
  knownHostsFile = join(keyDir, 'known_hosts');
  knownHostsBefore = process.env.RDX_SSH_KNOWN_HOSTS;
  process.env.RDX_SSH_KNOWN_HOSTS = knownHostsFile;
  await trustBastion();
});

afterAll(async () => {
  if (knownHostsBefore === undefined) delete process.env.RDX_SSH_KNOWN_HOSTS;
  else process.env.RDX_SSH_KNOWN_HOSTS = knownHostsBefore;
  agent?.kill();
  await env.cleanup();
  await new Promise<void>((resolve) => bastion.close(() => resolve()));
  await rm(keyDir, { recursive: true, force: true });
});

describe('SSH bastion', () => {
  it('tests a connection through the bastion', async () => {
    const res = await call('connections.test', { fields: fields(), password: primary.password });
    expect(res.serverVersion).toMatch(/MariaDB/);
    await until(() => openSshClients.size === 0);
  });

  it('opens a session through the bastion, runs SELECT 1 and closes the SSH connection with it', async () => {
    const profile = await call('profiles.save', {
      fields: fields({ name: 'bastion' }),
      password: primary.password,
    });
    expect(profile.ssh).toEqual(ssh());
    const session = await call('sql.open', { profileId: profile.id });
    expect(openSshClients.size).toBe(1);
    const res = await call('sql.run', { sessionId: session.sessionId, sql: 'SELECT 1' });
    expect(res).toMatchObject({ kind: 'rows', rows: [[1]] });
    await call('sql.close', { sessionId: session.sessionId });
    await until(() => openSshClients.size === 0);
  });

  it('keeps the key passphrase in the secret store and uses it', async () => {
    const keyed = fields({ ssh: ssh({ auth: { kind: 'key', keyPath: join(keyDir, 'id_encrypted') } }) });
    const profile = await call('profiles.save', {
      fields: keyed,
      password: primary.password,
      sshPassphrase: PASSPHRASE,
    });
    expect(profile.hasSshPassphrase).toBe(true);
    expect(JSON.stringify(profile)).not.toContain(PASSPHRASE);

    const session = await call('sql.open', { profileId: profile.id });
    await call('sql.close', { sessionId: session.sessionId });
    // An untouched passphrase field on an existing profile tests with the saved one.
    await expect(call('connections.test', { fields: keyed, profileId: profile.id })).resolves.toMatchObject({
      serverVersion: expect.stringMatching(/MariaDB/),
    });

    await expect(
      call('connections.test', { fields: keyed, profileId: profile.id, sshPassphrase: 'wrong' }),
    ).rejects.toMatchObject({ code: 'SSH_FAILED', details: { cause: 'key' } });

    const cleared = await call('profiles.save', { id: profile.id, fields: keyed, sshPassphrase: null });
    expect(cleared.hasSshPassphrase).toBe(false);
    await expect(call('sql.open', { profileId: profile.id })).rejects.toMatchObject({
      code: 'SSH_FAILED',
      details: { cause: 'key' },
    });
  });

  it('passes the MySQL login error through and still closes the SSH connection', async () => {
    await expect(call('connections.test', { fields: fields(), password: 'wrong' })).rejects.toMatchObject({
      code: 'AUTH_FAILED',
    });
    await until(() => openSshClients.size === 0);
  });

  it('reports TLS failures over the tunnel as for a direct connection', async () => {
    await expect(
      call('connections.test', { fields: fields({ tls: true }), password: primary.password }),
    ).rejects.toMatchObject({ code: 'TLS_FAILED' });
    await until(() => openSshClients.size === 0);
  });

  // The agent is OpenSSH's own; where it is not installed there is nothing to test against.
  // Needs OpenSSH's ssh-agent and ssh-add (Debian openssh-client; .ci/run installs it when missing).
  it('uses the keys of the SSH agent from SSH_AUTH_SOCK', async () => {
    const socket = await startAgent();
    const before = process.env.SSH_AUTH_SOCK;
    process.env.SSH_AUTH_SOCK = socket;
    try {
      const res = await call('connections.test', {
        fields: fields({ ssh: ssh({ auth: { kind: 'agent' } }) }),
        password: primary.password,
      });
      expect(res.serverVersion).toMatch(/MariaDB/);
    } finally {
      if (before === undefined) delete process.env.SSH_AUTH_SOCK;
      else process.env.SSH_AUTH_SOCK = before;
    }
  });

  it('says the bastion refused a key it does not know', async () => {
    const stranger = fields({ ssh: ssh({ auth: { kind: 'key', keyPath: join(keyDir, 'id_stranger') } }) });
    await expect(
      call('connections.test', { fields: stranger, password: primary.password }),
    ).rejects.toMatchObject({
      code: 'SSH_FAILED',
      details: { cause: 'auth' },
      message: expect.stringContaining('refused the user tunnel'),
    });
  });

  it('says when the key file cannot be read', async () => {
    const missing = fields({ ssh: ssh({ auth: { kind: 'key', keyPath: join(keyDir, 'nope') } }) });
    await expect(
      call('connections.test', { fields: missing, password: primary.password }),
    ).rejects.toMatchObject({
      code: 'SSH_FAILED',
      details: { cause: 'key' },
      message: expect.stringContaining('no such file'),
    });
  });

  it('says when the bastion cannot be reached', async () => {
    const port = await closedPort();
    await expect(
      call('connections.test', { fields: fields({ ssh: ssh({ port }) }), password: primary.password }),
    ).rejects.toMatchObject({
      code: 'SSH_FAILED',
      details: { cause: 'unreachable' },
      message: expect.stringContaining('connection refused'),
    });
  });

  it('says when the bastion cannot open the tunnel to the database', async () => {
    const port = await closedPort();
    await expect(
      call('connections.test', { fields: fields({ port }), password: primary.password }),
    ).rejects.toMatchObject({
      code: 'SSH_FAILED',
      details: { cause: 'forward' },
      message: expect.stringContaining(`127.0.0.1:${port}`),
    });
    await until(() => openSshClients.size === 0);
  });

  it('refuses a bastion whose host key is not in known_hosts, naming its fingerprint', async () => {
    const blob = Buffer.from(hostPublic.split(' ')[1]!, 'base64');
    const fp = `SHA256:${createHash('sha256').update(blob).digest('base64').replace(/=+$/, '')}`;
    await writeKnownHosts(`[127.0.0.1]:${bastionPort + 1} ${hostPublic}`, `127.0.0.1 ${hostPublic}`);
    try {
      const err = await call('connections.test', { fields: fields(), password: primary.password }).catch(
        (e: unknown) => e,
      );
      expect(err).toMatchObject({
        code: 'SSH_FAILED',
        details: { cause: 'host-key-unknown', fingerprint: fp },
        message: expect.stringContaining(fp),
      });
      expect((err as Error).message).toContain(
        `ssh-keyscan -p ${bastionPort} 127.0.0.1 >> ~/.ssh/known_hosts`,
      );
      await until(() => openSshClients.size === 0);
    } finally {
      await trustBastion();
    }
  });

  it('refuses a bastion whose host key changed and never opens the tunnel', async () => {
    const other = utils.generateKeyPairSync('ed25519').public.split(' ').slice(0, 2).join(' ');
    await writeKnownHosts(`# rdx test`, `[127.0.0.1]:${bastionPort} ${other}`);
    try {
      await expect(
        call('connections.test', { fields: fields(), password: primary.password }),
      ).rejects.toMatchObject({
        code: 'SSH_FAILED',
        details: { cause: 'host-key-changed', knownHostsEntry: `${knownHostsFile}:2` },
        message: expect.stringMatching(/HAS CHANGED.*man-in-the-middle/),
      });
      // Refused during key exchange: the bastion never saw an authenticated client.
      await until(() => openSshClients.size === 0);
    } finally {
      await trustBastion();
    }
  });
});
