import { AppError } from '../../shared/errors';
import type { SshTunnel } from '../../shared/models/profile';
import { fingerprint, type HostKeyVerdict } from './known-hosts';

/** Where an SSH tunnel failed; kept in `details.cause` so the UI can branch on it. */
export type SshFailureCause =
  | 'unreachable'
  | 'auth'
  | 'key'
  | 'agent'
  | 'forward'
  | 'timeout'
  | 'lost'
  | 'host-key-unknown'
  | 'host-key-changed'
  | 'host-key-revoked';

interface Ssh2Error {
  code?: string;
  level?: string;
  reason?: number | string;
  message?: string;
}

export function sshFailed(
  cause: SshFailureCause,
  message: string,
  extra: Record<string, unknown> = {},
): AppError {
  return new AppError('SSH_FAILED', message, { cause, ...extra });
}

/** Turns an ssh2 client error (before the tunnel is ready) into a coded error naming the cause. */
export function mapSshConnectError(err: unknown, ssh: SshTunnel): AppError {
  if (err instanceof AppError) return err;
  const e = (err ?? {}) as Ssh2Error;
  const where = `${ssh.host}:${ssh.port}`;
  const detail = e.message ?? String(err);
  const driver = e.code ? { driverCode: e.code } : {};
  if (e.level === 'client-authentication') {
    const how = ssh.auth.kind === 'agent' ? 'the keys in the SSH agent' : `the key ${ssh.auth.keyPath}`;
    return sshFailed('auth', `The SSH bastion ${where} refused the user ${ssh.user} with ${how}.`, driver);
  }
  if (e.level === 'client-timeout') {
    return sshFailed('timeout', `The SSH bastion ${where} did not finish the handshake in time.`, driver);
  }
  if (/private ?key|passphrase/i.test(detail)) {
    return sshFailed('key', `Cannot use the SSH key: ${detail}. Check the file and its passphrase.`, driver);
  }
  switch (e.code) {
    case 'ECONNREFUSED':
      return sshFailed('unreachable', `Cannot reach the SSH bastion ${where}: connection refused.`, driver);
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return sshFailed('unreachable', `SSH bastion host not found: ${ssh.host}.`, driver);
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return sshFailed('unreachable', `Cannot reach the SSH bastion ${where}: no route to the host.`, driver);
    case 'ETIMEDOUT':
      return sshFailed('timeout', `No answer from the SSH bastion ${where} in time.`, driver);
  }
  if (e.level === 'client-socket') {
    return sshFailed('unreachable', `Cannot reach the SSH bastion ${where}: ${detail}`, driver);
  }
  return sshFailed('lost', `The SSH bastion ${where} failed: ${detail}`, driver);
}

/** The bastion would not open `direct-tcpip` to the database (refused, closed port, not allowed). */
export function mapSshForwardError(
  err: unknown,
  ssh: SshTunnel,
  target: { host: string; port: number },
): AppError {
  const e = (err ?? {}) as Ssh2Error;
  const detail = (e.message ?? String(err)).replace(/^\(SSH\) /, '');
  return sshFailed(
    'forward',
    `The SSH bastion ${ssh.host} could not open a tunnel to ${target.host}:${target.port}: ${detail}. Is the database reachable from the bastion, and does it allow forwarding?`,
    e.reason !== undefined ? { reason: e.reason } : {},
  );
}

/** Refuses a bastion whose host key known_hosts does not vouch for; never connect past this. */
export function hostKeyRefused(
  verdict: Exclude<HostKeyVerdict, { kind: 'trusted' }>,
  ssh: SshTunnel,
  key: Buffer,
): AppError {
  const where = `${ssh.host}:${ssh.port}`;
  const fp = fingerprint(key);
  const details = { fingerprint: fp };
  switch (verdict.kind) {
    case 'unknown':
      return sshFailed(
        'host-key-unknown',
        `The SSH bastion ${where} is not in known_hosts; it presented the host key ${fp}. ` +
          `If that fingerprint is the bastion's (ask its administrator), trust it with ` +
          `\`ssh-keyscan -p ${ssh.port} ${ssh.host} >> ~/.ssh/known_hosts\`, or connect once with ` +
          `\`ssh -p ${ssh.port} ${ssh.user}@${ssh.host}\` and accept the key.`,
        details,
      );
    case 'changed':
      return sshFailed(
        'host-key-changed',
        `WARNING: THE HOST KEY OF THE SSH BASTION ${where} HAS CHANGED. Someone may be intercepting ` +
          `the connection (man-in-the-middle attack), or the bastion's key was replaced. It presented ` +
          `${fp}, which does not match ${verdict.source}. Not connecting. If the change is expected, ` +
          `remove the old key with \`ssh-keygen -R ${knownHostsName(ssh)}\` and trust the new one.`,
        { ...details, knownHostsEntry: verdict.source },
      );
    case 'revoked':
      return sshFailed(
        'host-key-revoked',
        `The SSH bastion ${where} presented the host key ${fp}, which ${verdict.source} marks as ` +
          `revoked. Not connecting.`,
        { ...details, knownHostsEntry: verdict.source },
      );
  }
}

function knownHostsName(ssh: SshTunnel): string {
  return ssh.port === 22 ? ssh.host : `'[${ssh.host}]:${ssh.port}'`;
}
