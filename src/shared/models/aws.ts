import { z } from 'zod';
import type { ErrorCode } from '../errors';

/**
 * Reserved profile names. `@` starts no name `aws configure` would suggest, so these cannot be
 * mistaken for the user's own profiles (a file that defines one anyway is reported, and shadowed).
 */
export const LAB_PROFILE = '@lab';
export const ENV_PROFILE = '@env';

/** How a profile gets its credentials, in the order the SDK's ini provider tries them. */
export type AwsProfileKind =
  | 'lab'
  | 'env'
  | 'assume-role'
  | 'static'
  | 'web-identity'
  | 'process'
  | 'sso'
  | 'login'
  /** Only settings such as `region`: the SDK finds no credentials in it. */
  | 'none';

/** One AWS profile as the renderer sees it: what it is and where it points, never a key. */
export interface AwsProfile {
  name: string;
  /** What to show: "Local lab", "Environment variables", or the profile's name. */
  label: string;
  kind: AwsProfileKind;
  region?: string;
  source: 'lab' | 'env' | 'config' | 'credentials' | 'config+credentials';
  /** Static keys with an `aws_session_token` (temporary, they expire). */
  temporary?: boolean;
  roleArn?: string;
  sourceProfile?: string;
  credentialSource?: string;
  mfaSerial?: string;
  ssoSession?: string;
  ssoStartUrl?: string;
  ssoAccountId?: string;
  ssoRoleName?: string;
  /** SSO profiles (and roles sourced from one): the command that starts a session. */
  loginCommand?: string;
  /** The lab profile: its endpoint while it runs. */
  endpoint?: string;
  running?: boolean;
}

/** A line of an AWS config or credentials file the SDK would ignore or misread. */
export interface AwsConfigProblem {
  file: string;
  /** 1-based; absent when the whole file is at fault (unreadable). */
  line?: number;
  /** Names the file and the line, ready to show. */
  message: string;
}

export interface AwsConfigFile {
  path: string;
  exists: boolean;
}

export interface AwsProfileList {
  /** The lab first, then environment credentials, then the files' profiles by name. */
  profiles: AwsProfile[];
  /** What the AWS CLI would use: AWS_PROFILE, environment keys, `default`; else the lab. */
  defaultProfile: string;
  files: { config: AwsConfigFile; credentials: AwsConfigFile };
  problems: AwsConfigProblem[];
}

/** STS GetCallerIdentity. */
export interface AwsCallerIdentity {
  profile: string;
  region: string;
  account: string;
  arn: string;
  userId: string;
}

export interface AwsRegion {
  code: string;
  name: string;
  partition: 'aws' | 'aws-us-gov' | 'aws-cn';
  /** Opt-in regions answer only once enabled for the account. */
  optIn: boolean;
}

export interface AwsRegionList {
  regions: AwsRegion[];
  /** The profile's region, or the lab's, or us-east-1. */
  preselected: string[];
}

/** Pushed when an assume-role profile needs a code from an MFA device; answered with `aws.answerMfa`. */
export interface AwsMfaPrompt {
  requestId: string;
  profile: string;
  serialNumber: string;
  /** After this the prompt is void and the call that needed it fails with TIMEOUT. */
  expiresAt: string;
}

/** A failure reported in place of one region's (or one part's) result. */
export interface AwsPartError {
  code: ErrorCode;
  message: string;
  /** The AWS error code when AWS gave one (`AccessDenied`, `Throttling`, ...). */
  awsCode?: string;
}

/** An RDS instance or cluster named by a secret's tags or a replica link. */
export interface RdsResourceRef {
  id: string;
  region: string;
  arn?: string;
}

/** A Secrets Manager secret as listed: metadata only, never its value. */
export interface SecretSummary {
  name: string;
  arn: string;
  region: string;
  description?: string;
  createdAt?: string;
  lastChangedAt?: string;
  lastRotatedAt?: string;
  lastAccessedAt?: string;
  nextRotationAt?: string;
  rotationEnabled: boolean;
  /** `rds` for RDS-managed master user secrets. */
  owningService?: string;
  /** The instance (or cluster) whose master user secret this is. */
  rdsOwner?: RdsResourceRef & { kind: 'instance' | 'cluster' };
  tags: { key: string; value: string }[];
}

// Request pieces, shared by the contract (validation in main) and forms in the renderer.
/** Profile names as the SDK's config parser accepts them, plus the reserved `@lab` and `@env`. */
export const awsProfileNameSchema = z
  .string()
  .min(1, 'Choose a profile')
  .max(128)
  .regex(/^[\w\-@+.%:/]+$/, 'Not a valid AWS profile name');
export const awsRegionSchema = z
  .string()
  .regex(/^[a-z]{2}(-[a-z]+)+-\d{1,2}$/, 'Not an AWS region code (like us-east-1)');
