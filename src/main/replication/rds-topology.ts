import type { RdsInstance } from '../../shared/models/rds';
import type { AwsClientFactory } from '../aws/client-factory';
import { describeOne } from '../aws/rds-instances';
import type { RdsPeer } from './rds-peer';

export interface RdsInstanceRef {
  profile: string;
  region: string;
  id: string;
}

// A replication tree is small; this only guards against a runaway walk.
const MAX_INSTANCES = 40;

/**
 * Reads the RDS topology around an instance: its sources up to the top and every replica below
 * (across regions), one DescribeDBInstances per instance, each level in parallel. A relative RDS
 * cannot describe (deleted meanwhile, another account) is left out; the start instance must exist.
 */
export function rdsTopologyReader(
  aws: Pick<AwsClientFactory, 'target' | 'inRegion' | 'rds'>,
): (ref: RdsInstanceRef) => Promise<RdsPeer[]> {
  return async (ref) => {
    const target = await aws.target(ref.profile, ref.region);
    const describe = (region: string, id: string): Promise<RdsInstance> =>
      describeOne(aws.rds(aws.inRegion(target, region)), region, id);
    const found = new Map<string, RdsInstance>();
    const seen = new Set<string>([`${ref.region}/${ref.id}`]);
    let level: { region: string; id: string }[] = [{ region: ref.region, id: ref.id }];
    let first = true;
    while (level.length > 0 && found.size < MAX_INSTANCES) {
      const results = await Promise.allSettled(level.map((r) => describe(r.region, r.id)));
      if (first && results[0]?.status === 'rejected') throw results[0].reason;
      first = false;
      const next: { region: string; id: string }[] = [];
      for (const result of results) {
        if (result.status !== 'fulfilled') continue;
        const instance = result.value;
        found.set(`${instance.region}/${instance.id}`, instance);
        const source =
          instance.source ??
          (instance.sourceId ? { id: instance.sourceId, region: instance.region } : undefined);
        for (const rel of [...(source ? [source] : []), ...instance.replicas]) {
          const key = `${rel.region}/${rel.id}`;
          if (!seen.has(key)) {
            seen.add(key);
            next.push({ region: rel.region, id: rel.id });
          }
        }
      }
      level = next;
    }
    return [...found.values()].map((i) => ({
      id: i.id,
      host: i.endpoint?.address ?? null,
      port: i.endpoint?.port ?? null,
      status: i.status,
      sourceId: i.sourceId ?? null,
    }));
  };
}
