import type { Action, ActionContext } from '../action-context';
import { invalidParameterValue } from '../errors';
import { instanceXml } from '../instance-view';
import type { InstanceRecord, InstanceStatus } from '../model';
import { paginate } from '../paging';
import type { QueryParams } from '../query-params';
import type { ReplicationStatusInfo } from '../workflows';
import { xmlList } from '../xml';
import { instanceParam } from './lookup';

// A replica's replication is only looked at while its server is meant to run.
const RUNNING: readonly InstanceStatus[] = [
  'available',
  'backing-up',
  'modifying',
  'resetting-master-credentials',
];

/** DescribeDBInstances: one instance by identifier or ARN, or all of them through Filters and paging. */
export const describeDBInstances: Action = async (params, ctx) => {
  const chosen = params.string('DBInstanceIdentifier') === undefined ? undefined : instanceParam(params, ctx);
  const all = chosen ? [chosen] : [...ctx.state.instances.values()].sort((a, b) => a.id.localeCompare(b.id));
  const filters = readFilters(params);
  const page = paginate(
    all.filter((instance) => filters.every((filter) => filter(instance))),
    params,
  );
  const now = ctx.now();
  const items = await Promise.all(
    page.items.map(async (instance) => {
      // Background work may change the record while the replica is asked for its status: the answer
      // shows the record as it was when the question was asked, so it never mixes two moments.
      const asked = structuredClone(instance);
      return instanceXml(asked, ctx.state, now, await replication(ctx, asked));
    }),
  );
  return { Marker: page.marker, DBInstances: xmlList('DBInstance', items) };
};

async function replication(
  ctx: ActionContext,
  instance: InstanceRecord,
): Promise<ReplicationStatusInfo | undefined> {
  if (instance.sourceId === undefined || !RUNNING.includes(instance.status)) return undefined;
  try {
    return await ctx.workflows.replicationStatus(instance);
  } catch (error) {
    return {
      status: 'error',
      normal: false,
      message: `Replication status unavailable: ${(error as Error).message}`,
    };
  }
}

type InstanceFilter = (instance: InstanceRecord) => boolean;

function readFilters(params: QueryParams): InstanceFilter[] {
  return params.structs('Filters', 'Filter').map((filter) => {
    const name = filter.requiredString('Name');
    const values = filter.list('Values', 'Value');
    if (values.length === 0) throw invalidParameterValue(`The filter ${name} must have at least one value.`);
    switch (name) {
      case 'db-instance-id':
        // Identifiers or ARNs, as RDS accepts both here.
        return (instance) =>
          values.some((value) => value.toLowerCase() === instance.id || value.endsWith(`:db:${instance.id}`));
      case 'dbi-resource-id':
        return (instance) => values.includes(instance.resourceId);
      case 'engine':
        return (instance) => values.includes(instance.engine);
      case 'db-cluster-id':
      case 'domain':
        // The lab has no clusters and no directory domains: no instance belongs to one.
        return () => false;
      default:
        throw invalidParameterValue(`Unrecognized filter name: ${name}`);
    }
  });
}
