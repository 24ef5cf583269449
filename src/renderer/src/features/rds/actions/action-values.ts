import type { z } from 'zod';
import type { RdsInstance } from '@shared/models/rds';
import {
  availabilityZoneSchema,
  rdsInstanceClassSchema,
  rdsInstanceIdSchema,
  rdsSnapshotIdSchema,
} from '@shared/models/rds-identifiers';
import type { RdsActionKind } from './action-kinds';

/** Where a new replica goes: beside its source, in a chosen zone, or in another region. */
export type Placement = 'default' | 'az' | 'region';

/** Everything the action dialogs can ask; each action reads the fields it needs. */
export interface ActionValues {
  replicaId: string;
  instanceClass: string;
  placement: Placement;
  availabilityZone: string;
  targetRegion: string;
  forceFailover: boolean;
  /** Stop: take a snapshot first. Delete: keep a final snapshot. */
  withSnapshot: boolean;
  snapshotId: string;
}

export type ActionErrors = Partial<Record<keyof ActionValues, string>>;

/** `myrdslab-2026-05-04-1530`: RDS identifiers allow only letters, digits and single hyphens. */
function stamp(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}`;
}

/** The first of `base`, `base-2`, `base-3`… that no listed instance uses. */
const MAX_ID = 63;

/**
 * `<stem>-<suffix>` cut to RDS's 63 characters, with no trailing or doubled hyphen where the cut
 * lands, so the proposal always passes the identifier rules.
 */
function withSuffix(stem: string, suffix: string): string {
  const room = MAX_ID - suffix.length - 1;
  const cut = stem.slice(0, room).replace(/-+$/, '');
  return `${cut}-${suffix}`;
}

function freeId(stem: string, suffix: string, taken: ReadonlySet<string>): string {
  const base = withSuffix(stem, suffix);
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const id = withSuffix(stem, `${suffix}-${n}`);
    if (!taken.has(id)) return id;
  }
}

export function initialValues(
  kind: RdsActionKind,
  i: RdsInstance,
  taken: ReadonlySet<string>,
  now = new Date(),
): ActionValues {
  const snapshotId =
    kind === 'delete'
      ? `${i.id}-final-${stamp(now)}`
      : kind === 'stop'
        ? `${i.id}-stop-${stamp(now)}`
        : `${i.id}-${stamp(now)}`;
  return {
    replicaId: freeId(i.id, 'replica', taken),
    instanceClass: '',
    placement: 'default',
    availabilityZone: '',
    targetRegion: '',
    forceFailover: false,
    // Deleting without a final snapshot loses the data for good: keep one unless the user says not to.
    withSnapshot: kind === 'delete',
    snapshotId: snapshotId.slice(0, 255),
  };
}

function issue(schema: z.ZodType, value: string): string | undefined {
  const result = schema.safeParse(value);
  return result.success ? undefined : result.error.issues[0]?.message;
}

/** The same rules the main process applies, so mistakes show beside the field before any call. */
export function validateValues(
  kind: RdsActionKind,
  v: ActionValues,
  taken: ReadonlySet<string>,
): ActionErrors {
  const errors: ActionErrors = {};
  if (kind === 'createReplica') {
    errors.replicaId = issue(rdsInstanceIdSchema, v.replicaId);
    if (!errors.replicaId && taken.has(v.replicaId.toLowerCase()))
      errors.replicaId = 'An instance with this identifier exists';
    if (v.instanceClass) errors.instanceClass = issue(rdsInstanceClassSchema, v.instanceClass);
    if (v.placement === 'az') errors.availabilityZone = issue(availabilityZoneSchema, v.availabilityZone);
    if (v.placement === 'region' && !v.targetRegion) errors.targetRegion = 'Choose a region';
  }
  const wantsSnapshot = kind === 'snapshot' || ((kind === 'stop' || kind === 'delete') && v.withSnapshot);
  if (wantsSnapshot) errors.snapshotId = issue(rdsSnapshotIdSchema, v.snapshotId);
  for (const key of Object.keys(errors) as (keyof ActionValues)[]) if (!errors[key]) delete errors[key];
  return errors;
}
