import type { CredentialSource, ProfileFields, SshTunnel } from '../../shared/models/profile';

/** `undefined` keeps the stored secret, `null` removes it, a string replaces it. */
export type SecretChange = string | null | undefined;

/** What about the edited profile differs from the stored one so that its secrets stay home. */
export type ChangedTarget = 'host' | 'port' | 'tls' | 'ssh' | 'credentials';

export interface Withheld {
  changed: ChangedTarget;
  /** The secret the user is asked for: the password, or the SSH key's passphrase when only it was held back. */
  secret: 'password' | 'sshPassphrase';
  message: string;
}

export interface MergedCredentials {
  fields: ProfileFields;
  password: string | undefined;
  sshPassphrase: string | undefined;
  /** Set when a stored secret existed but was not used because the target changed. */
  withheld: Withheld | null;
}

const WHAT: Record<ChangedTarget, { subject: string; against: string }> = {
  host: { subject: 'Host changed', against: 'against the new host' },
  port: { subject: 'Port changed', against: 'against the new port' },
  tls: { subject: 'TLS turned off', against: 'without TLS' },
  ssh: { subject: 'SSH bastion changed', against: 'through the new bastion' },
  credentials: { subject: 'Credential source changed', against: 'with the new credential source' },
};

/**
 * The credentials a connection test of an edited profile uses. The stored password, SSH passphrase
 * and credential source (an IAM or Secrets Manager source) fill in what the form left untouched only
 * while the profile still points where they were saved for: same host, port, SSH bastion (host, port,
 * user) and credential source, and TLS not turned off (without it, whoever sits on the path answers).
 * Otherwise a stored secret would go to whatever server the form names.
 */
export function mergeStoredCredentials(
  stored: { fields: ProfileFields; password?: string; sshPassphrase?: string } | undefined,
  edited: { fields: ProfileFields; password: SecretChange; sshPassphrase: SecretChange },
): MergedCredentials {
  const typedPassword = edited.password ?? undefined;
  const typedPassphrase = edited.sshPassphrase ?? undefined;
  if (!stored) {
    return { fields: edited.fields, password: typedPassword, sshPassphrase: typedPassphrase, withheld: null };
  }
  // A form that does not send a credential source means "the stored one".
  const source = edited.fields.credentials ?? stored.fields.credentials;
  const changed = changedTarget(stored.fields, { ...edited.fields, credentials: source });
  if (!changed) {
    return {
      fields: source ? { ...edited.fields, credentials: source } : edited.fields,
      password: edited.password === undefined ? stored.password : typedPassword,
      sshPassphrase: edited.sshPassphrase === undefined ? stored.sshPassphrase : typedPassphrase,
      withheld: null,
    };
  }
  // A Secrets Manager or IAM source that is the stored one would read the saved secret (or sign for
  // the saved AWS profile) on the new target: it is replaced by an empty password as well.
  const storedAwsSource = usesAws(source) && sameSource(stored.fields.credentials, source);
  const fields = storedAwsSource
    ? { ...edited.fields, credentials: { source: 'password' as const } }
    : edited.fields;
  const lostPassword = edited.password === undefined && (stored.password !== undefined || storedAwsSource);
  const lostPassphrase = edited.sshPassphrase === undefined && stored.sshPassphrase !== undefined;
  const secret = lostPassword ? 'password' : lostPassphrase ? 'sshPassphrase' : null;
  return {
    fields,
    password: typedPassword,
    sshPassphrase: typedPassphrase,
    withheld: secret ? { changed, secret, message: withheldMessage(changed, secret) } : null,
  };
}

export function withheldMessage(changed: ChangedTarget, secret: Withheld['secret']): string {
  const noun = secret === 'password' ? 'the password' : 'the SSH key’s passphrase';
  return `${WHAT[changed].subject}: enter ${noun} to test ${WHAT[changed].against}.`;
}

/** The first of host, port, TLS turned off, SSH bastion, credential source that differs; null when none does. */
export function changedTarget(stored: ProfileFields, edited: ProfileFields): ChangedTarget | null {
  if (normalHost(stored.host) !== normalHost(edited.host)) return 'host';
  if (stored.port !== edited.port) return 'port';
  if (stored.tls && !edited.tls) return 'tls';
  if (!sameTunnel(stored.ssh, edited.ssh)) return 'ssh';
  if (!sameSource(stored.credentials, edited.credentials)) return 'credentials';
  return null;
}

function normalHost(host: string): string {
  return host.trim().toLowerCase().replace(/\.$/, '');
}

function sameTunnel(a: SshTunnel | undefined, b: SshTunnel | undefined): boolean {
  if (!a || !b) return a === b;
  return normalHost(a.host) === normalHost(b.host) && a.port === b.port && a.user === b.user;
}

function sameSource(a: CredentialSource | undefined, b: CredentialSource | undefined): boolean {
  const x = a ?? { source: 'password' };
  const y = b ?? { source: 'password' };
  if (x.source !== y.source) return false;
  if (x.source === 'password' || y.source === 'password') return true;
  if (x.awsProfile !== y.awsProfile || x.region !== y.region) return false;
  return x.source !== 'secret' || (y.source === 'secret' && x.secretArn === y.secretArn);
}

function usesAws(source: CredentialSource | undefined): boolean {
  return source !== undefined && source.source !== 'password';
}
