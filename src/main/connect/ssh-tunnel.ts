import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import type { Duplex } from 'node:stream';
import { Client, type ConnectConfig } from 'ssh2';
import type { SshTunnel } from '../../shared/models/profile';
import { createLogger } from '../../node/logger';
import { checkHostKey, hostLookupName, parseKnownHosts, type KnownHostEntry } from './known-hosts';
import { hostKeyRefused, mapSshConnectError, mapSshForwardError, sshFailed } from './ssh-error';

const READY_TIMEOUT_MS = 10_000;
const log = createLogger('ssh');

/** An open `direct-tcpip` channel through a bastion; `close` ends the SSH connection. */
export interface OpenTunnel {
  stream: Duplex;
  close(): void;
}

export interface SshTunnelDeps {
  readKey?: (path: string) => Promise<Buffer>;
  /** `process.env.SSH_AUTH_SOCK` by default. */
  agentSocket?: string | undefined;
  readyTimeoutMs?: number;
  /**
   * known_hosts files to trust, in order; missing ones are skipped. By default `RDX_SSH_KNOWN_HOSTS`
   * (a path list) or `~/.ssh/known_hosts` and `/etc/ssh/ssh_known_hosts`, as OpenSSH reads them.
   */
  knownHostsFiles?: string[];
}

/**
 * Connects to the bastion and opens a channel to `target` as the bastion resolves it. The SSH
 * connection closes with the channel, so ending the MySQL connection that uses it ends both.
 */
export async function openSshTunnel(
  ssh: SshTunnel,
  passphrase: string | undefined,
  target: { host: string; port: number },
  deps: SshTunnelDeps = {},
): Promise<OpenTunnel> {
  const auth = await authConfig(ssh, passphrase, deps);
  const knownHosts = await readKnownHosts(deps.knownHostsFiles ?? defaultKnownHostsFiles());
  const lookupName = hostLookupName(ssh.host, ssh.port);
  // Set when the host key is refused: ssh2 then reports only "Host denied", so this says why.
  let hostKeyError: Error | undefined;
  const client = new Client();
  // A later error (after a failed handshake, or once the tunnel is up) must not become an uncaught
  // 'error' event; the MySQL stream reports a dropped tunnel as a lost connection.
  client.on('error', () => undefined);
  await new Promise<void>((resolve, reject) => {
    client.once('ready', () => resolve());
    // Only the first error counts: the promise settles once.
    client.once('error', (err) => reject(hostKeyError ?? mapSshConnectError(err, ssh)));
    try {
      client.connect({
        host: ssh.host,
        port: ssh.port,
        username: ssh.user,
        readyTimeout: deps.readyTimeoutMs ?? READY_TIMEOUT_MS,
        // As OpenSSH with StrictHostKeyChecking=yes: only a key known_hosts lists for this host.
        // No `hostHash`, so ssh2 hands over the raw key blob that known_hosts stores in base64.
        hostVerifier: (key: Buffer) => {
          const verdict = checkHostKey(knownHosts, lookupName, key);
          if (verdict.kind === 'trusted') return true;
          hostKeyError = hostKeyRefused(verdict, ssh, key);
          log.warn('host key refused', { bastion: `${ssh.host}:${ssh.port}`, verdict: verdict.kind });
          return false;
        },
        ...auth,
      });
    } catch (err) {
      // ssh2 throws at once when it cannot parse the key or decrypt it with the passphrase.
      reject(mapSshConnectError(err, ssh));
    }
  }).catch((err: unknown) => {
    client.end();
    throw err;
  });

  const stream = await new Promise<Duplex>((resolve, reject) => {
    // The source address is informational for the bastion; loopback says "this machine".
    client.forwardOut('127.0.0.1', 0, target.host, target.port, (err, channel) =>
      err ? reject(mapSshForwardError(err, ssh, target)) : resolve(channel),
    );
  }).catch((err: unknown) => {
    client.end();
    throw err;
  });
  const bastion = `${ssh.host}:${ssh.port}`;
  log.info('tunnel open', { bastion, target: `${target.host}:${target.port}` });
  client.once('close', () => log.info('tunnel closed', { bastion }));
  stream.once('close', () => client.end());
  return { stream, close: () => client.end() };
}

async function authConfig(
  ssh: SshTunnel,
  passphrase: string | undefined,
  deps: SshTunnelDeps,
): Promise<Partial<ConnectConfig>> {
  if (ssh.auth.kind === 'agent') {
    const agent = 'agentSocket' in deps ? deps.agentSocket : process.env.SSH_AUTH_SOCK;
    if (!agent) {
      throw sshFailed(
        'agent',
        'No SSH agent is running (SSH_AUTH_SOCK is not set). Choose a key file instead.',
      );
    }
    return { agent };
  }
  const read = deps.readKey ?? ((path: string) => readFile(path));
  let privateKey: Buffer;
  try {
    privateKey = await read(ssh.auth.keyPath);
  } catch (err) {
    const code = (err as { code?: string }).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : String(err);
    throw sshFailed(
      'key',
      `Cannot read the SSH key ${ssh.auth.keyPath}: ${why}.`,
      code ? { driverCode: code } : {},
    );
  }
  return passphrase ? { privateKey, passphrase } : { privateKey };
}

function defaultKnownHostsFiles(): string[] {
  const fromEnv = process.env.RDX_SSH_KNOWN_HOSTS;
  if (fromEnv) return fromEnv.split(delimiter).filter(Boolean);
  return [join(homedir(), '.ssh', 'known_hosts'), '/etc/ssh/ssh_known_hosts'];
}

async function readKnownHosts(files: string[]): Promise<KnownHostEntry[]> {
  const entries: KnownHostEntry[] = [];
  for (const file of files) {
    try {
      entries.push(...parseKnownHosts(await readFile(file, 'utf8'), file));
    } catch (err) {
      // A missing or unreadable file vouches for nothing, as in OpenSSH; the host is then unknown.
      const code = (err as { code?: string }).code;
      if (code !== 'ENOENT') log.warn('cannot read known_hosts', { file, code });
    }
  }
  return entries;
}
