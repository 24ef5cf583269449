/** Stable error codes the UI branches on; messages are for people, codes are for code. */
export const ERROR_CODES = [
  'INVALID_REQUEST',
  'UNKNOWN_CHANNEL',
  'NOT_FOUND',
  'AUTH_FAILED',
  'UNREACHABLE',
  'TIMEOUT',
  'UNKNOWN_DATABASE',
  'TLS_FAILED',
  'SQL_ERROR',
  'CONNECTION_LOST',
  'THROTTLED',
  'STORAGE_ERROR',
  'INTERNAL',
  /** An AWS SSO session is missing or expired; the message names the `aws sso login` command. */
  'SSO_EXPIRED',
  /** A profile yields no credentials (no keys, failed credential_process, unset env). */
  'CREDENTIALS_MISSING',
  /** AWS refused the call for lack of permission (AccessDenied and its kin). */
  'ACCESS_DENIED',
  /** Any other AWS error; `details.awsCode` keeps AWS's own code. */
  'AWS_ERROR',
  /** The user dismissed a prompt the call was waiting on (an MFA code). */
  'CANCELLED',
  /**
   * The SSH bastion failed; `details.cause` says where: `unreachable`, `auth`, `key` (file unreadable
   * or passphrase wrong), `forward` (the bastion refused the tunnel), `agent` (no SSH_AUTH_SOCK), or
   * `host-key-unknown` / `host-key-changed` / `host-key-revoked` (checked against known_hosts).
   */
  'SSH_FAILED',
  /** The action writes to a server and needs the user's consent first (the heartbeat table). */
  'CONSENT_REQUIRED',
  /** A row changed or vanished on the server since it was loaded; nothing was applied. */
  'CONFLICT',
  /** The endpoint lacks the feature (dynalite: no PartiQL, transactions, streams or TTL changes). */
  'UNSUPPORTED',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** What crosses the wire in place of a thrown error. */
export interface RpcError {
  name: string;
  code: ErrorCode;
  message: string;
  details?: Record<string, unknown>;
}

/** An error a service throws on purpose: its code and message reach the user unchanged. */
export class AppError extends Error {
  override readonly name: string;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
    name = 'AppError',
  ) {
    super(message);
    this.name = name;
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}
