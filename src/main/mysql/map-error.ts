import { AppError } from '../../shared/errors';

interface DriverError {
  code?: string;
  errno?: number;
  sqlState?: string;
  sqlMessage?: string;
  message?: string;
  fatal?: boolean;
}

const TLS_CODES = new Set([
  'HANDSHAKE_NO_SSL_SUPPORT',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'EPROTO',
]);

export interface Target {
  host: string;
  port: number;
}

/** Turns a mysql2 or socket error into a coded error that says what went wrong in the user's terms. */
export function mapMysqlError(err: unknown, target: Target): AppError {
  if (err instanceof AppError) return err;
  const e = (err ?? {}) as DriverError;
  const code = e.code ?? '';
  const where = `${target.host}:${target.port}`;
  const server = e.sqlMessage ?? e.message ?? String(err);
  const details = {
    driverCode: code,
    ...(e.errno ? { errno: e.errno } : {}),
    ...(e.sqlState ? { sqlState: e.sqlState } : {}),
  };

  switch (code) {
    case 'ECONNREFUSED':
      return new AppError(
        'UNREACHABLE',
        `Cannot reach ${where}: connection refused. Is the server running on that port?`,
        details,
      );
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new AppError('UNREACHABLE', `Host not found: ${target.host}. Check the host name.`, details);
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return new AppError('UNREACHABLE', `Cannot reach ${where}: no route to the host.`, details);
    case 'ETIMEDOUT':
      return new AppError(
        'TIMEOUT',
        `No answer from ${where} in time. A firewall or security group may be dropping the connection.`,
        details,
      );
    case 'ER_ACCESS_DENIED_ERROR':
    case 'ER_DBACCESS_DENIED_ERROR':
    case 'ER_ACCESS_DENIED_NO_PASSWORD_ERROR':
      return new AppError('AUTH_FAILED', `Wrong user name or password: ${server}`, details);
    case 'ER_BAD_DB_ERROR':
      return new AppError(
        'UNKNOWN_DATABASE',
        `${server}. Check the database name, or leave it empty.`,
        details,
      );
    case 'PROTOCOL_CONNECTION_LOST':
    case 'ECONNRESET':
    case 'EPIPE':
      return new AppError('CONNECTION_LOST', `The connection to ${where} was lost: ${server}`, details);
  }
  if (TLS_CODES.has(code) || code.startsWith('ERR_TLS_') || code.startsWith('ERR_SSL_')) {
    const hint =
      code === 'HANDSHAKE_NO_SSL_SUPPORT'
        ? 'The server does not offer TLS. Turn TLS off or enable it on the server.'
        : server;
    return new AppError('TLS_FAILED', `TLS failed with ${where}: ${hint}`, details);
  }
  if (e.sqlState || e.errno) return new AppError('SQL_ERROR', server, details);
  return new AppError('INTERNAL', server, details);
}
