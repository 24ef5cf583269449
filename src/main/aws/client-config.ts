/** Static keys; real AWS profiles resolve theirs through the SDK's credential providers. */
export interface StaticCredentials {
  accessKeyId: string;
  secretAccessKey: string;
}

/** What a credential provider yields; the SDK's `AwsCredentialIdentity`, spelled out here. */
export interface AwsCredentials extends StaticCredentials {
  sessionToken?: string;
  expiration?: Date;
}

/** The SDK's `AwsCredentialIdentityProvider` shape: called by every client before it signs. */
export type CredentialsProvider = () => Promise<AwsCredentials>;

/** Where AWS calls go: the local lab's endpoint, or AWS itself with a profile's credentials. */
export type AwsTarget =
  | { kind: 'lab'; endpoint: string; region: string; credentials: StaticCredentials }
  /** Without credentials the SDK's default chain decides (environment, default profile, ...). */
  | { kind: 'aws'; region: string; credentials?: CredentialsProvider };

export type LabTarget = Extract<AwsTarget, { kind: 'lab' }>;

export interface AwsClientConfig {
  region: string;
  endpoint?: string;
  credentials?: StaticCredentials | CredentialsProvider;
  maxAttempts: number;
  retryMode: 'adaptive';
}

/**
 * The one place SDK clients get their configuration, so the lab is reached through the same code as
 * AWS: only the endpoint and credentials differ. Adaptive retries pace bulk work under throttling.
 */
export function awsClientConfig(target: AwsTarget): AwsClientConfig {
  const base = { region: target.region, maxAttempts: 3, retryMode: 'adaptive' as const };
  if (target.kind === 'lab') return { ...base, endpoint: target.endpoint, credentials: target.credentials };
  return target.credentials ? { ...base, credentials: target.credentials } : base;
}
