import type { ActionContext } from '../action-context';
import { otherZone } from '../instance-factory';
import type { InstanceRecord } from '../model';

/** Turns Multi-AZ on (a standby is built from a copy of the primary) or off (the standby is removed). */
export async function setMultiAz(
  ctx: ActionContext,
  instance: InstanceRecord,
  multiAz: boolean,
): Promise<void> {
  if (multiAz && instance.standby === undefined) {
    await ctx.workflows.addStandby(instance);
    instance.secondaryAvailabilityZone = otherZone(instance.availabilityZone);
  }
  if (!multiAz && instance.standby !== undefined) {
    await ctx.workflows.removeStandby(instance);
    instance.secondaryAvailabilityZone = undefined;
  }
  instance.multiAz = multiAz;
}

/** Applies what ModifyDBInstance queued without ApplyImmediately (the lab's maintenance window is a reboot). */
export async function applyPendingValues(ctx: ActionContext, instance: InstanceRecord): Promise<void> {
  const { multiAz, instanceClass } = instance.pending;
  if (multiAz !== undefined) await setMultiAz(ctx, instance, multiAz);
  if (instanceClass !== undefined) instance.instanceClass = instanceClass;
  instance.pending = {};
}
