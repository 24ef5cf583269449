import { Signer } from '@aws-sdk/rds-signer';
import type { AwsClientConfig } from '../aws/client-config';

export interface IamTokenRequest {
  hostname: string;
  port: number;
  username: string;
  /** The instance's region: the token is a SigV4 presigned URL for `rds-db` there. */
  region: string;
  /** The AWS profile's keys; absent, the SDK's default chain decides. */
  credentials?: AwsClientConfig['credentials'];
}

/** Makes an RDS IAM auth token (valid 15 minutes); injectable so tests need no AWS. */
export type IamTokenSigner = (req: IamTokenRequest) => Promise<string>;

/** The real signer: no network call, the token is signed locally with the profile's keys. */
export const rdsSignerToken: IamTokenSigner = (req) =>
  new Signer({
    hostname: req.hostname,
    port: req.port,
    username: req.username,
    region: req.region,
    ...(req.credentials ? { credentials: req.credentials } : {}),
  }).getAuthToken();
