import type { IncomingHttpHeaders } from 'node:http';

/** A request that passed the edge's signature check, with what the SigV4 credential scope told. */
export interface LabRequest {
  method: string;
  /** Path and query, as received. */
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** From the credential scope: `rds`, `secretsmanager`, `dynamodb`, ... */
  service: string;
  region: string;
  accessKeyId: string;
  /** The `X-Amz-Target` header of JSON protocols, e.g. `secretsmanager.GetSecretValue`. */
  target?: string;
}

export interface LabResponse {
  status: number;
  headers: Record<string, string>;
  body: string | Buffer;
}

export type ServiceHandler = (req: LabRequest) => Promise<LabResponse>;

/** Lab-only administration (faults, state): JSON in, JSON out, on the edge's `/_lab/` routes. */
export type AdminHandler = (body: unknown) => Promise<unknown>;
