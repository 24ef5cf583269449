import { GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import { AppError } from '../../shared/errors';
import { toAwsError } from './aws-errors';
import type { SecretsSender } from './secrets-list';

/** Database credentials held in a secret. Main process only: never sent to the renderer, never logged. */
export interface DbCredentials {
  username: string;
  password: string;
}

export interface SecretCredentialSourceOptions {
  client: SecretsSender;
  /** The secret's ARN (or name), e.g. an instance's MasterUserSecret. */
  secretId: string;
  /** How long a fetched value is used before asking again (default 5 minutes). */
  ttlMs?: number;
  now?: () => number;
}

const DEFAULT_TTL_MS = 5 * 60_000;

/**
 * Database credentials from Secrets Manager, cached briefly so opening tabs does not call AWS each
 * time, yet a rotation is picked up within minutes, or at once through `withCredentials`.
 */
export class SecretCredentialSource {
  private cached: { value: DbCredentials; at: number } | undefined;
  private inFlight: Promise<DbCredentials> | undefined;

  constructor(private readonly opts: SecretCredentialSourceOptions) {}

  get secretId(): string {
    return this.opts.secretId;
  }

  /** The cached credentials while fresh, else fetched. */
  async get(): Promise<DbCredentials> {
    const cached = this.cached;
    if (cached && this.now() - cached.at < (this.opts.ttlMs ?? DEFAULT_TTL_MS)) return cached.value;
    return this.refresh();
  }

  /** Fetches the current value now, whatever the cache holds; concurrent callers share one fetch. */
  refresh(): Promise<DbCredentials> {
    this.inFlight ??= this.fetch().finally(() => {
      this.inFlight = undefined;
    });
    return this.inFlight;
  }

  /**
   * Runs `use` with the credentials. If it fails with an authentication error (the secret was
   * rotated since it was cached), fetches the secret once more and, if the value changed, tries
   * again: only then does an error reach the user.
   */
  async withCredentials<T>(
    use: (credentials: DbCredentials) => Promise<T>,
    isAuthFailure: (err: unknown) => boolean,
  ): Promise<T> {
    const first = await this.get();
    try {
      return await use(first);
    } catch (err) {
      if (!isAuthFailure(err)) throw err;
      const fresh = await this.refresh();
      // The same value would fail the same way: report the original error rather than retry.
      if (fresh.username === first.username && fresh.password === first.password) throw err;
      return use(fresh);
    }
  }

  private async fetch(): Promise<DbCredentials> {
    let secretString: string | undefined;
    try {
      const out = await this.opts.client.send(new GetSecretValueCommand({ SecretId: this.opts.secretId }));
      secretString = out.SecretString;
    } catch (err) {
      throw toAwsError(err, `Reading secret ${this.opts.secretId}`);
    }
    const value = parseCredentials(secretString, this.opts.secretId);
    this.cached = { value, at: this.now() };
    return value;
  }

  private now(): number {
    return (this.opts.now ?? Date.now)();
  }
}

/** `{"username": …, "password": …}` as RDS and the console store them; errors never quote the value. */
export function parseCredentials(secretString: string | undefined, secretId: string): DbCredentials {
  let value: unknown;
  try {
    value = secretString === undefined ? undefined : JSON.parse(secretString);
  } catch {
    value = undefined;
  }
  const username = typeof value === 'object' && value !== null ? Reflect.get(value, 'username') : undefined;
  const password = typeof value === 'object' && value !== null ? Reflect.get(value, 'password') : undefined;
  if (typeof username !== 'string' || typeof password !== 'string') {
    throw new AppError(
      'CREDENTIALS_MISSING',
      `Secret ${secretId} does not hold database credentials: expected a JSON text with "username" and "password".`,
    );
  }
  return { username, password };
}
