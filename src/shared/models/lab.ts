/** The lab's one region and its edge endpoint's default port (`npm run lab -- --port N` changes it). */
export const LAB_REGION = 'us-east-1';
export const LAB_DEFAULT_PORT = 4566;

export type LabState = 'off' | 'starting' | 'seeding' | 'ready' | 'failed' | 'stopped';
export type DynamoBackendKind = 'dynamodb-local' | 'dynalite';

/** What each DynamoDB backend can do; the app reads these flags instead of meeting failures. */
export interface DynamoCapabilities {
  partiql: boolean;
  transactions: boolean;
  streams: boolean;
  ttl: boolean;
}

/** What the status bar and `npm run lab` say about the lab: JSON-safe, no secrets. */
export interface LabStatus {
  state: LabState;
  endpoint?: string;
  region: string;
  rds: { available: boolean; reason?: string };
  dynamodb?: { kind: DynamoBackendKind; capabilities: DynamoCapabilities; fallbackReason?: string };
  seed: 'pending' | 'done' | 'failed' | 'skipped';
  /** The lab's access key id and the 0600 file holding its secret (the secret itself never travels here). */
  credentials?: { accessKeyId: string; file: string };
  /** A sentence for the user when something went wrong or is missing. */
  message?: string;
}

/** An RDS instance of the lab as the status bar lists it, read through the AWS SDK. */
export interface LabInstanceSummary {
  id: string;
  status: string;
  engine: string;
  port?: number;
  role: 'primary' | 'replica' | 'standalone';
}

export interface LabOverview {
  status: LabStatus;
  instances: LabInstanceSummary[];
  /** Why the lab was or was not started on its own at launch. */
  autoStart: { started: boolean; reason: string };
}
