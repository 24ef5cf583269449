/** Static keys; real AWS profiles resolve theirs through the SDK's credential chain. */
export interface StaticCredentials {
  accessKeyId: string;
  secretAccessKey: string;
}

/** Where AWS calls go: the local lab's endpoint, or AWS itself with the default credential chain. */
export type AwsTarget =
  | { kind: 'lab'; endpoint: string; region: string; credentials: StaticCredentials }
  | { kind: 'aws'; region: string };

export interface AwsClientConfig {
  region: string;
  endpoint?: string;
  credentials?: StaticCredentials;
  maxAttempts: number;
  retryMode: 'adaptive';
}

/**
 * The one place SDK clients get their configuration, so the lab is reached through the same code as
 * AWS: only the endpoint and credentials differ. Adaptive retries pace bulk work under throttling.
 */
export function awsClientConfig(target: AwsTarget): AwsClientConfig {
  const base = { region: target.region, maxAttempts: 3, retryMode: 'adaptive' as const };
  return target.kind === 'lab'
    ? { ...base, endpoint: target.endpoint, credentials: target.credentials }
    : base;
}
