import { useMemo } from 'react';
import type { Res } from '@shared/contract';
import type { RdsInstance } from '@shared/models/rds';
import type { AwsProfile } from '@shared/models/aws';
import { useRdsInstances } from '@renderer/api/use-rds';
import { useOperations } from './actions/operations-store';
import { anyTransitional } from './instance-status';
import { topologyOrder } from './instance-order';
import type { RegionFailure } from '@renderer/components/region-errors';

function instancesOf(data: Res<'rds.listInstances'> | undefined): RdsInstance[] {
  return (data?.regions ?? []).flatMap((r) => ('instances' in r ? r.instances : []));
}

/**
 * The instances of the chosen profile and regions, in topology order, and the regions that failed.
 * Refreshes every few seconds while an instance is moving or an action of ours is still running.
 */
export function useRdsListing(profile: AwsProfile | undefined, regions: string[]) {
  const acting = useOperations((s) =>
    s.operations.some((o) => o.profile === profile?.name && o.state === 'running'),
  );
  const labOff = profile?.kind === 'lab' && !profile.running;
  const query = useRdsInstances(
    profile && !labOff ? profile.name : null,
    regions,
    (data) => acting || anyTransitional(instancesOf(data)),
  );
  const instances = useMemo(() => topologyOrder(instancesOf(query.data)), [query.data]);
  const failures = useMemo<RegionFailure[]>(
    () =>
      (query.data?.regions ?? []).flatMap((r) =>
        'error' in r ? [{ region: r.region, error: r.error }] : [],
      ),
    [query.data],
  );
  return { query, instances, failures, labOff };
}
