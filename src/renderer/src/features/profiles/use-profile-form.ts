import { useMemo, useState } from 'react';
import type { ProfilePrefill } from '@renderer/stores/profile-editor-store';
import {
  DEFAULT_PROFILE_FIELDS,
  DEFAULT_SSH_TUNNEL,
  profileFieldsSchema,
  type ConnectionProfile,
  type CredentialSource,
  type ProfileFields,
  type SshTunnel,
} from '@shared/models/profile';

/** The SSH section as edited: kept while switched off, so switching back on restores it. */
export interface SshFormValues {
  enabled: boolean;
  host: string;
  port: string;
  user: string;
  useAgent: boolean;
  keyPath: string;
}

/** Where the password comes from, as edited: the AWS choices are kept while another source is shown. */
export interface CredentialFormValues {
  source: CredentialSource['source'];
  awsProfile: string;
  region: string;
  secretArn: string;
}

/** What the inputs hold: the port as typed, so "33o6" can be reported instead of silently dropped. */
export type FormValues = Omit<ProfileFields, 'port' | 'ssh' | 'credentials'> & {
  port: string;
  ssh: SshFormValues;
  credentials: CredentialFormValues;
};
export type FieldName = keyof FormValues;
export type SshFieldName = `ssh.${'host' | 'port' | 'user' | 'keyPath'}`;
export type CredentialFieldName = `credentials.${'awsProfile' | 'region' | 'secretArn'}`;
/** A field a message can belong to: the SSH and credential sections' inputs each have their own. */
export type ErrorKey = FieldName | SshFieldName | CredentialFieldName;
export type FieldErrors = Partial<Record<ErrorKey, string>>;

function sshFormValues(ssh: SshTunnel | undefined): SshFormValues {
  const source = ssh ?? DEFAULT_SSH_TUNNEL;
  return {
    enabled: ssh !== undefined,
    host: source.host,
    port: String(source.port),
    user: source.user,
    useAgent: source.auth.kind === 'agent',
    keyPath: source.auth.kind === 'key' ? source.auth.keyPath : '',
  };
}

function sshInput(ssh: SshFormValues): unknown {
  if (!ssh.enabled) return undefined;
  return {
    host: ssh.host,
    port: parsePort(ssh.port),
    user: ssh.user,
    auth: ssh.useAgent ? { kind: 'agent' } : { kind: 'key', keyPath: ssh.keyPath },
  };
}

function credentialFormValues(source: CredentialSource | undefined): CredentialFormValues {
  return {
    source: source?.source ?? 'password',
    awsProfile: source && source.source !== 'password' ? source.awsProfile : '',
    region: source && source.source !== 'password' ? source.region : '',
    secretArn: source?.source === 'secret' ? source.secretArn : '',
  };
}

function credentialsInput(c: CredentialFormValues): unknown {
  switch (c.source) {
    case 'password':
      return { source: 'password' };
    case 'secret':
      return { source: 'secret', secretArn: c.secretArn, awsProfile: c.awsProfile, region: c.region };
    case 'iam':
      return { source: 'iam', awsProfile: c.awsProfile, region: c.region };
  }
}

function errorKey(path: readonly PropertyKey[]): ErrorKey | undefined {
  const [first, second] = path;
  if (first === 'credentials') {
    return second === 'awsProfile' || second === 'region' || second === 'secretArn'
      ? `credentials.${second}`
      : undefined;
  }
  if (first === 'ssh') {
    if (second === 'auth') return 'ssh.keyPath';
    return second === 'host' || second === 'port' || second === 'user' ? `ssh.${second}` : undefined;
  }
  return typeof first === 'string' ? (first as FieldName) : undefined;
}

function initialValues(profile: ConnectionProfile | null, prefill: ProfilePrefill | null): FormValues {
  const source = profile ?? { ...DEFAULT_PROFILE_FIELDS, ...prefill };
  return {
    name: source.name,
    host: source.host,
    port: String(source.port),
    user: source.user,
    database: source.database,
    tls: source.tls,
    color: source.color,
    readOnly: source.readOnly,
    credentials: credentialFormValues(source.credentials),
    ...(source.engine ? { engine: source.engine } : {}),
    ...(source.environment ? { environment: source.environment } : {}),
    ssh: sshFormValues(source.ssh),
  };
}

function parsePort(text: string): number {
  // An empty box is "not a number", not port 0.
  return text.trim() === '' ? Number.NaN : Number(text.trim());
}

/** Validates with the shared schema, the same one the main process applies. */
export function validate(values: FormValues): { fields: ProfileFields | null; errors: FieldErrors } {
  const { ssh, credentials, ...rest } = values;
  const tunnel = sshInput(ssh);
  const result = profileFieldsSchema.safeParse({
    ...rest,
    port: parsePort(values.port),
    credentials: credentialsInput(credentials),
    ...(tunnel ? { ssh: tunnel } : {}),
  });
  if (result.success) return { fields: result.data, errors: {} };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const key = errorKey(issue.path);
    if (key) errors[key] ??= issue.message;
  }
  return { fields: null, errors };
}

/**
 * Form state: a field's message shows once it was left (blur) or after a Save/Test attempt, so the
 * user is not scolded while still typing. Server-side field messages show until the field changes.
 */
export function useProfileForm(profile: ConnectionProfile | null, prefill: ProfilePrefill | null = null) {
  const [values, setValues] = useState<FormValues>(() => initialValues(profile, prefill));
  const [touched, setTouched] = useState<Partial<Record<ErrorKey, boolean>>>({});
  const [attempted, setAttempted] = useState(false);
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const { fields, errors } = useMemo(() => validate(values), [values]);

  function setField<K extends FieldName>(key: K, value: FormValues[K]): void {
    setValues((v) => ({ ...v, [key]: value }));
    setServerErrors((e) => {
      const next = { ...e };
      delete next[key];
      // The SSH and credential sections are one value each; an edit there clears their inputs' messages.
      if (key === 'ssh' || key === 'credentials')
        for (const k of Object.keys(next)) if (k.startsWith(`${key}.`)) delete next[k as ErrorKey];
      return next;
    });
  }

  function errorOf(key: ErrorKey): string | undefined {
    return serverErrors[key] ?? (attempted || touched[key] ? errors[key] : undefined);
  }

  return {
    values,
    setField,
    errorOf,
    blur: (key: ErrorKey) => setTouched((t) => ({ ...t, [key]: true })),
    /** The parsed fields, or null after revealing every message. */
    submit: (): ProfileFields | null => {
      setAttempted(true);
      return fields;
    },
    setServerErrors,
  };
}
