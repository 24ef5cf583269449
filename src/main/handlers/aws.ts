import { AppError } from '../../shared/errors';
import type { Handlers } from '../../shared/rpc';
import { toAwsError } from '../aws/aws-errors';
import type { AwsServices } from '../aws/aws-services';
import { callerIdentity } from '../aws/identity';
import { regionList, singleRegionList } from '../aws/regions';
import { listSecrets } from '../aws/secrets-list';

export function awsHandlers(
  aws: AwsServices,
): Pick<Handlers, 'aws.profiles' | 'aws.identity' | 'aws.regions' | 'aws.answerMfa' | 'secrets.list'> {
  return {
    'aws.profiles': () => aws.catalog.list(),
    'aws.identity': async (req) => {
      const target = await aws.clients.target(req.profile, req.region);
      return callerIdentity(aws.clients.sts(target), req.profile, target.region);
    },
    'aws.regions': async (req) => {
      if (req.profile === undefined) return regionList(undefined);
      // From the list rather than `find`, so the lab answers before it has been started.
      const { profiles } = await aws.catalog.list();
      const profile = profiles.find((p) => p.name === req.profile);
      if (!profile) throw new AppError('NOT_FOUND', `There is no AWS profile '${req.profile}'.`);
      return profile.kind === 'lab' ? singleRegionList(profile.region) : regionList(profile.region);
    },
    'aws.answerMfa': (req) => {
      aws.mfa.answer(req.requestId, req.code);
      return { accepted: req.code !== undefined };
    },
    'secrets.list': async (req) => {
      const target = await aws.clients.target(req.profile, req.region);
      try {
        return { secrets: await listSecrets(aws.clients.secrets(target), target.region) };
      } catch (err) {
        throw toAwsError(err, `Listing secrets in ${target.region}`);
      }
    },
  };
}
