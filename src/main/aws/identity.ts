import { GetCallerIdentityCommand, type STSClient } from '@aws-sdk/client-sts';
import type { AwsCallerIdentity } from '../../shared/models/aws';
import { toAwsError } from './aws-errors';

/** STS GetCallerIdentity: which account and principal a profile's credentials belong to. */
export async function callerIdentity(
  sts: Pick<STSClient, 'send'>,
  profile: string,
  region: string,
): Promise<AwsCallerIdentity> {
  try {
    const out = await sts.send(new GetCallerIdentityCommand({}));
    return { profile, region, account: out.Account ?? '', arn: out.Arn ?? '', userId: out.UserId ?? '' };
  } catch (err) {
    throw toAwsError(err, `Checking the identity of profile ${profile}`);
  }
}
