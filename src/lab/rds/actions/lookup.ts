import type { ActionContext } from '../action-context';
import { invalidInstanceState, notAvailable } from '../errors';
import type { InstanceRecord, InstanceStatus } from '../model';
import type { QueryParams } from '../query-params';
import { instanceIdentifier } from '../validate';

/** The instance named by a parameter (identifier or ARN), or DBInstanceNotFound. */
export function instanceParam(
  params: QueryParams,
  ctx: ActionContext,
  name = 'DBInstanceIdentifier',
): InstanceRecord {
  return ctx.state.instance(instanceIdentifier(params.requiredString(name), name));
}

export function requireAvailable(instance: InstanceRecord): void {
  if (instance.status !== 'available') throw notAvailable(instance.id);
}

export function requireStatus(
  instance: InstanceRecord,
  allowed: readonly InstanceStatus[],
  message: string,
): void {
  if (!allowed.includes(instance.status)) throw invalidInstanceState(message);
}
