import type { AwsRegion, AwsRegionList } from '../../shared/models/aws';

type Row = [code: string, name: string, optIn?: 'opt-in'];

// Regions where RDS for MySQL and MariaDB is offered, as the AWS console names them. A static list
// because the API that lists regions (EC2 DescribeRegions) needs a permission many roles lack; a
// region missing here can still be typed in.
const COMMERCIAL: Row[] = [
  ['us-east-1', 'US East (N. Virginia)'],
  ['us-east-2', 'US East (Ohio)'],
  ['us-west-1', 'US West (N. California)'],
  ['us-west-2', 'US West (Oregon)'],
  ['af-south-1', 'Africa (Cape Town)', 'opt-in'],
  ['ap-east-1', 'Asia Pacific (Hong Kong)', 'opt-in'],
  ['ap-east-2', 'Asia Pacific (Taipei)', 'opt-in'],
  ['ap-south-1', 'Asia Pacific (Mumbai)'],
  ['ap-south-2', 'Asia Pacific (Hyderabad)', 'opt-in'],
  ['ap-southeast-1', 'Asia Pacific (Singapore)'],
  ['ap-southeast-2', 'Asia Pacific (Sydney)'],
  ['ap-southeast-3', 'Asia Pacific (Jakarta)', 'opt-in'],
  ['ap-southeast-4', 'Asia Pacific (Melbourne)', 'opt-in'],
  ['ap-southeast-5', 'Asia Pacific (Malaysia)', 'opt-in'],
  ['ap-southeast-7', 'Asia Pacific (Thailand)', 'opt-in'],
  ['ap-northeast-1', 'Asia Pacific (Tokyo)'],
  ['ap-northeast-2', 'Asia Pacific (Seoul)'],
  ['ap-northeast-3', 'Asia Pacific (Osaka)'],
  ['ca-central-1', 'Canada (Central)'],
  ['ca-west-1', 'Canada West (Calgary)', 'opt-in'],
  ['eu-central-1', 'Europe (Frankfurt)'],
  ['eu-central-2', 'Europe (Zurich)', 'opt-in'],
  ['eu-west-1', 'Europe (Ireland)'],
  ['eu-west-2', 'Europe (London)'],
  ['eu-west-3', 'Europe (Paris)'],
  ['eu-south-1', 'Europe (Milan)', 'opt-in'],
  ['eu-south-2', 'Europe (Spain)', 'opt-in'],
  ['eu-north-1', 'Europe (Stockholm)'],
  ['il-central-1', 'Israel (Tel Aviv)', 'opt-in'],
  ['me-south-1', 'Middle East (Bahrain)', 'opt-in'],
  ['me-central-1', 'Middle East (UAE)', 'opt-in'],
  ['mx-central-1', 'Mexico (Central)', 'opt-in'],
  ['sa-east-1', 'South America (São Paulo)'],
];

export const RDS_REGIONS: readonly AwsRegion[] = [
  ...COMMERCIAL.map(([code, name, optIn]) => region(code, name, 'aws', optIn === 'opt-in')),
  region('us-gov-east-1', 'AWS GovCloud (US-East)', 'aws-us-gov', false),
  region('us-gov-west-1', 'AWS GovCloud (US-West)', 'aws-us-gov', false),
  region('cn-north-1', 'China (Beijing)', 'aws-cn', false),
  region('cn-northwest-1', 'China (Ningxia)', 'aws-cn', false),
];

const DEFAULT_REGION = 'us-east-1';

/** The region list with the profile's region chosen; a region we do not know yet is added, not dropped. */
export function regionList(profileRegion: string | undefined): AwsRegionList {
  const chosen = profileRegion ?? DEFAULT_REGION;
  const known = RDS_REGIONS.some((r) => r.code === chosen);
  const regions = known
    ? [...RDS_REGIONS]
    : [...RDS_REGIONS, region(chosen, chosen, partitionOf(chosen), false)];
  return { regions, preselected: [chosen] };
}

/** Just one region, preselected: the lab serves one, and offering others would list it once per region. */
export function singleRegionList(code: string | undefined): AwsRegionList {
  const { regions, preselected } = regionList(code);
  return { regions: regions.filter((r) => preselected.includes(r.code)), preselected };
}

export function isOptInRegion(code: string): boolean {
  return RDS_REGIONS.some((r) => r.code === code && r.optIn);
}

function partitionOf(code: string): AwsRegion['partition'] {
  if (code.startsWith('us-gov-')) return 'aws-us-gov';
  return code.startsWith('cn-') ? 'aws-cn' : 'aws';
}

function region(code: string, name: string, partition: AwsRegion['partition'], optIn: boolean): AwsRegion {
  return { code, name, partition, optIn };
}
