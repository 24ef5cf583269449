import { readFile } from 'node:fs/promises';
import type { Duplex } from 'node:stream';
import { Client, type ConnectConfig } from 'ssh2';
import type { SshTunnel } from '../../shared/models/profile';
import { createLogger } from '../logger';
import { mapSshConnectError, mapSshForwardError, sshFailed } from './ssh-error';

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
  const client = new Client();
  // A later error (after a failed handshake, or once the tunnel is up) must not become an uncaught
  // 'error' event; the MySQL stream reports a dropped tunnel as a lost connection.
  client.on('error', () => undefined);
  await new Promise<void>((resolve, reject) => {
    client.once('ready', () => resolve());
    // Only the first error counts: the promise settles once.
    client.once('error', (err) => reject(mapSshConnectError(err, ssh)));
    try {
      // TODO(#4): the bastion's host key is not checked yet (no known_hosts or pinned fingerprint);
      // until it is, turn TLS on for the database when the path to the bastion is not trusted.
      client.connect({
        host: ssh.host,
        port: ssh.port,
        username: ssh.user,
        readyTimeout: deps.readyTimeoutMs ?? READY_TIMEOUT_MS,
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
