/** Every react-query key in one place, so invalidation cannot miss a spelling. */
export const queryKeys = {
  appInfo: ['app', 'info'] as const,
  profiles: ['profiles'] as const,
  labOverview: ['lab', 'overview'] as const,
  /** Addresses a profile's login may be used on (replication peers the user approved). */
  peerApprovals: ['replication', 'approvals'] as const,
  /** Everything AWS below: the profile name is always the third element, see `isProfileKey`. */
  aws: ['aws'] as const,
  awsProfiles: ['aws', 'profiles'] as const,
  awsRegions: (profile: string) => ['aws', 'regions', profile] as const,
  awsIdentity: (profile: string, region: string | undefined) =>
    ['aws', 'identity', profile, region ?? ''] as const,
  rds: ['rds'] as const,
  rdsInstances: (profile: string, regions: readonly string[]) =>
    ['rds', 'instances', profile, [...regions]] as const,
  rdsDetail: (profile: string, region: string, id: string) => ['rds', 'detail', profile, region, id] as const,
};

/** True for the AWS and RDS keys made for `profile` (all of them carry it third). */
export function isProfileKey(key: readonly unknown[], profile: string): boolean {
  return (key[0] === 'aws' || key[0] === 'rds') && key[2] === profile;
}
