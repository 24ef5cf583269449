import { useMemo, useState } from 'react';
import {
  DEFAULT_PROFILE_FIELDS,
  profileFieldsSchema,
  type ConnectionProfile,
  type ProfileFields,
} from '@shared/models/profile';

/** What the inputs hold: the port as typed, so "33o6" can be reported instead of silently dropped. */
export type FormValues = Omit<ProfileFields, 'port'> & { port: string };
export type FieldName = keyof FormValues;
export type FieldErrors = Partial<Record<FieldName, string>>;

function initialValues(profile: ConnectionProfile | null): FormValues {
  const source = profile ?? DEFAULT_PROFILE_FIELDS;
  return {
    name: source.name,
    host: source.host,
    port: String(source.port),
    user: source.user,
    database: source.database,
    tls: source.tls,
    color: source.color,
    readOnly: source.readOnly,
    // Not edited here, but kept: saving must not turn a secret-backed profile into a password one.
    ...(source.credentials ? { credentials: source.credentials } : {}),
    ...(source.engine ? { engine: source.engine } : {}),
  };
}

function parsePort(text: string): number {
  // An empty box is "not a number", not port 0.
  return text.trim() === '' ? Number.NaN : Number(text.trim());
}

/** Validates with the shared schema, the same one the main process applies. */
export function validate(values: FormValues): { fields: ProfileFields | null; errors: FieldErrors } {
  const result = profileFieldsSchema.safeParse({ ...values, port: parsePort(values.port) });
  if (result.success) return { fields: result.data, errors: {} };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const key = issue.path[0];
    if (typeof key === 'string' && key in values) errors[key as FieldName] ??= issue.message;
  }
  return { fields: null, errors };
}

/**
 * Form state: a field's message shows once it was left (blur) or after a Save/Test attempt, so the
 * user is not scolded while still typing. Server-side field messages show until the field changes.
 */
export function useProfileForm(profile: ConnectionProfile | null) {
  const [values, setValues] = useState<FormValues>(() => initialValues(profile));
  const [touched, setTouched] = useState<Partial<Record<FieldName, boolean>>>({});
  const [attempted, setAttempted] = useState(false);
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const { fields, errors } = useMemo(() => validate(values), [values]);

  function setField<K extends FieldName>(key: K, value: FormValues[K]): void {
    setValues((v) => ({ ...v, [key]: value }));
    setServerErrors((e) => {
      const next = { ...e };
      delete next[key];
      return next;
    });
  }

  function errorOf(key: FieldName): string | undefined {
    return serverErrors[key] ?? (attempted || touched[key] ? errors[key] : undefined);
  }

  return {
    values,
    setField,
    errorOf,
    blur: (key: FieldName) => setTouched((t) => ({ ...t, [key]: true })),
    /** The parsed fields, or null after revealing every message. */
    submit: (): ProfileFields | null => {
      setAttempted(true);
      return fields;
    },
    setServerErrors,
  };
}
