import type { Handlers } from '../../shared/rpc';
import type { AwsServices } from '../aws/aws-services';
import { describeInstanceDetail, listInstancesAcross } from '../aws/rds-instances';

export function rdsHandlers(aws: AwsServices): Pick<Handlers, 'rds.listInstances' | 'rds.describeInstance'> {
  return {
    'rds.listInstances': async (req) => {
      // Credentials once, up front: an expired SSO session fails the profile, not each region.
      const target = await aws.clients.target(req.profile, req.regions[0]);
      const regions = await listInstancesAcross(req.regions, (region) =>
        aws.clients.rds(aws.clients.inRegion(target, region)),
      );
      return { regions };
    },
    'rds.describeInstance': async (req) => {
      const target = await aws.clients.target(req.profile, req.region);
      return describeInstanceDetail(aws.clients.rds(target), target.region, req.id);
    },
  };
}
