import { z } from 'zod';
import { LabError } from './lab-error';
import type { DynamoFaults, RdsFaults, SecretFaults } from './faults';

const faultSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('stop-instance'), target: z.string().min(1) }),
  z.object({ kind: z.literal('kill-instance'), target: z.string().min(1) }),
  z.object({ kind: z.literal('break-replication'), target: z.string().min(1) }),
  z.object({ kind: z.literal('repair-replication'), target: z.string().min(1) }),
  z.object({
    kind: z.literal('replica-delay'),
    target: z.string().min(1),
    seconds: z.number().int().min(0).max(86_400),
  }),
  z.object({ kind: z.literal('throttle'), share: z.number().min(0).max(1) }),
  z.object({ kind: z.literal('rotate-secret'), target: z.string().min(1) }),
]);

export type FaultRequest = z.infer<typeof faultSchema>;
export const FAULT_KINDS = faultSchema.options.map((o) => o.shape.kind.value);

export interface FaultTargets {
  rds?: RdsFaults;
  dynamo?: DynamoFaults;
  secrets: SecretFaults;
}

/** The `/_lab/fault` admin route: one JSON request per fault, checked before anything is touched. */
export function createFaultRoute(targets: FaultTargets): (body: unknown) => Promise<unknown> {
  return async (body) => {
    const parsed = faultSchema.safeParse(body);
    if (!parsed.success) {
      throw new LabError(
        'InvalidFault',
        `Expected one of: ${FAULT_KINDS.join(', ')}. ${parsed.error.issues[0]?.message ?? ''}`,
      );
    }
    const fault = parsed.data;
    const rds = (): RdsFaults => {
      if (!targets.rds) throw new LabError('Unavailable', 'The RDS part of the lab is not running.', 503);
      return targets.rds;
    };
    switch (fault.kind) {
      case 'stop-instance':
        await rds().stopProcess(fault.target);
        break;
      case 'kill-instance':
        await rds().killProcess(fault.target);
        break;
      case 'break-replication':
        await rds().breakReplication(fault.target);
        break;
      case 'repair-replication':
        await rds().repairReplication(fault.target);
        break;
      case 'replica-delay':
        await rds().setReplicaDelay(fault.target, fault.seconds);
        break;
      case 'throttle':
        if (!targets.dynamo)
          throw new LabError('Unavailable', 'The DynamoDB part of the lab is not running.', 503);
        targets.dynamo.setThrottle(fault.share);
        break;
      case 'rotate-secret':
        await targets.secrets.rotateNow(fault.target);
        break;
    }
    return { applied: fault };
  };
}
