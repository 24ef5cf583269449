import { AppError } from '../../shared/errors';
import type { SshTunnel } from '../../shared/models/profile';

/** Where an SSH tunnel failed; kept in `details.cause` so the UI can branch on it. */
export type SshFailureCause = 'unreachable' | 'auth' | 'key' | 'agent' | 'forward' | 'timeout' | 'lost';

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
