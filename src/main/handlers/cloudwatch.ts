import { LAB_PROFILE } from '../../shared/models/aws';
import type { Handlers } from '../../shared/rpc';
import type { AwsServices } from '../aws/aws-services';
import { instanceMetrics, LAB_NO_CLOUDWATCH } from '../aws/cloudwatch-metrics';

export function cloudwatchHandlers(aws: AwsServices): Pick<Handlers, 'cloudwatch.instanceMetrics'> {
  return {
    'cloudwatch.instanceMetrics': async (req) => {
      // Decided by the profile, before any credentials: the lab has no CloudWatch, running or not.
      if (req.profile === LAB_PROFILE) return { available: false, reason: LAB_NO_CLOUDWATCH };
      const target = await aws.clients.target(req.profile, req.region);
      if (target.profile.kind === 'lab') return { available: false, reason: LAB_NO_CLOUDWATCH };
      return instanceMetrics(aws.clients.cloudwatch(target), target.region, req);
    },
  };
}
