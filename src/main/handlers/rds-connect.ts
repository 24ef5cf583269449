import { AppError } from '../../shared/errors';
import type { Handlers } from '../../shared/rpc';
import type { AwsServices } from '../aws/aws-services';
import { describeOne } from '../aws/rds-instances';
import { connectionFieldsFor, refreshedFields } from '../connect/instance-profile';
import type { ProfileService } from '../profiles/profile-service';

/** "Connect" on an instance: its connection profile, made once and found again by the instance's ARN. */
export function rdsConnectHandlers(
  aws: AwsServices,
  profiles: Pick<ProfileService, 'linkToRds'>,
): Pick<Handlers, 'rds.connectionProfile'> {
  return {
    'rds.connectionProfile': async (req) => {
      const target = await aws.clients.target(req.profile, req.region);
      const instance = await describeOne(aws.clients.rds(target), target.region, req.id);
      if (!instance.arn) {
        throw new AppError('INTERNAL', `RDS did not report the ARN of ${instance.id}; it names the link.`);
      }
      const fields = connectionFieldsFor(instance, req.profile);
      return profiles.linkToRds(
        { id: instance.id, region: instance.region, arn: instance.arn },
        fields,
        (existing) => refreshedFields(existing, fields),
      );
    },
  };
}
