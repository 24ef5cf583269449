import { AppError } from '../../shared/errors';
import type { AwsProfile } from '../../shared/models/aws';
import { errorCodeFor, toAwsError } from './aws-errors';
import { ssoLoginCommand } from './profile-kinds';

export interface CredentialErrorContext {
  profile: AwsProfile;
  /** The profile whose SSO session the credentials depend on. */
  ssoLoginProfile?: string;
  files?: { config: string; credentials: string };
}

// The SDK's SSO providers say "run aws sso login" in several ways; the SSO portal itself answers
// UnauthorizedException when a cached token was revoked or ran out early.
const SSO_MESSAGE = /sso session|sso login|token is expired|sso.*token/i;

/**
 * Turns a credential provider's failure into something the user can act on: SSO_EXPIRED with the
 * exact `aws sso login --profile` command, CREDENTIALS_MISSING saying what the profile lacks, or the
 * mapped AWS error when AWS itself refused (an AccessDenied on AssumeRole, say).
 */
export function credentialError(err: unknown, ctx: CredentialErrorContext): AppError {
  if (err instanceof AppError) return err;
  const { profile } = ctx;
  const message = err instanceof Error ? err.message : String(err);
  const name = err instanceof Error ? err.name : '';
  const sso = ctx.ssoLoginProfile ?? (profile.kind === 'sso' ? profile.name : undefined);
  if (
    sso &&
    (SSO_MESSAGE.test(message) || name === 'UnauthorizedException' || name === 'TokenProviderError')
  ) {
    const command = ssoLoginCommand(sso);
    return new AppError(
      'SSO_EXPIRED',
      `The AWS SSO session for profile ${sso} has expired or was never started. Run \`${command}\` in a terminal, then try again.`,
      { profile: profile.name, ssoProfile: sso, command },
      'CredentialsError',
    );
  }
  // AWS answered (AssumeRole denied, expired keys): its code says more than any advice of ours.
  if (errorCodeFor(err) !== 'INTERNAL') {
    return toAwsError(err, `Getting credentials for profile ${profile.name}`);
  }
  return new AppError(
    'CREDENTIALS_MISSING',
    `${advice(ctx)} (${message})`,
    { profile: profile.name, kind: profile.kind },
    'CredentialsError',
  );
}

function advice({ profile, files }: CredentialErrorContext): string {
  const where = files ? `${files.credentials} or ${files.config}` : 'the AWS config files';
  const name = profile.name;
  switch (profile.kind) {
    case 'env':
      return 'No usable credentials in AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY.';
    case 'process':
      return `The credential_process of profile ${name} did not give credentials; run it in a terminal to see why.`;
    case 'assume-role':
      return `Profile ${name} could not assume ${profile.roleArn ?? 'its role'}: check its source_profile or credential_source.`;
    case 'static':
      return `The access keys of profile ${name} in ${where} are incomplete.`;
    case 'web-identity':
      return `Profile ${name} could not read its web_identity_token_file.`;
    default:
      return (
        `Profile ${name} has no credentials in ${where}. Add keys with \`aws configure --profile ${name}\`, ` +
        `or set up SSO with \`aws configure sso --profile ${name}\``
      );
  }
}
