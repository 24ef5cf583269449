import type { Logger } from '../../node/logger';
import type { ManagedSecrets } from '../secrets/managed-secrets';
import { noCapacity } from './errors';
import type { JobRunner } from './jobs';
import type { InstanceRecord, InstanceStatus } from './model';
import type { QueryParams } from './query-params';
import type { RdsState } from './rds-state';
import type { RdsWorkflows } from './workflows';
import type { XmlObject } from './xml';

export interface ActionContext {
  state: RdsState;
  workflows: RdsWorkflows;
  jobs: JobRunner;
  secrets: ManagedSecrets;
  log: Logger;
  now(): Date;
  /** The server's version number, reported as EngineVersion. */
  engineVersion: string;
  /** Why no DB instance can run here (no MariaDB server found), if that is the case. */
  engineProblem?: string;
}

/** One Query-protocol action: validated parameters in, the `<ActionResult>` content out. */
export type Action = (params: QueryParams, ctx: ActionContext) => Promise<XmlObject | undefined>;

export function requireEngine(ctx: ActionContext): void {
  if (ctx.engineProblem !== undefined) throw noCapacity(ctx.engineProblem);
}

export interface Transition {
  /** Status while the work runs, set and saved before the action answers. */
  during: InstanceStatus;
  startMessage?: string;
  /** Status once the work is done; the work may return another one. */
  done: InstanceStatus;
  doneMessage?: string;
  categories: string[];
  /** Status when the work fails (RDS shows `failed` and the like; the lab adds the reason as an event). */
  failed?: InstanceStatus;
}

/**
 * Sets the transitional status (and its event), saves, then runs `work` in the background and moves
 * the instance to the final status, or to the failure status with the error as an event.
 */
export async function transition(
  ctx: ActionContext,
  instance: InstanceRecord,
  step: Transition,
  work: () => Promise<InstanceStatus | void>,
): Promise<void> {
  instance.status = step.during;
  if (step.startMessage)
    ctx.state.recordEvent('db-instance', instance.id, step.startMessage, step.categories);
  await ctx.state.save();
  ctx.jobs.run(
    instance.id,
    async () => {
      const final = (await work()) ?? step.done;
      if (!ctx.state.instances.has(instance.id)) return; // deleted by the work itself
      instance.status = final;
      if (step.doneMessage)
        ctx.state.recordEvent('db-instance', instance.id, step.doneMessage, step.categories);
      await ctx.state.save();
    },
    async (error) => {
      if (!ctx.state.instances.has(instance.id)) return;
      instance.status = step.failed ?? 'failed';
      ctx.state.recordEvent('db-instance', instance.id, failureMessage(step.during, error), ['failure']);
      await ctx.state.save();
    },
  );
}

// Events are read by people: the reason, without a multi-kilobyte error log tail.
const MAX_REASON = 1000;

function failureMessage(during: InstanceStatus, error: Error): string {
  const reason = error.message.length > MAX_REASON ? `${error.message.slice(0, MAX_REASON)}…` : error.message;
  return `The DB instance failed while ${during}: ${reason}`;
}
