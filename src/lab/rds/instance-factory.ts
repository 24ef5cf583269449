import { randomBytes } from 'node:crypto';
import type { ActionContext } from './action-context';
import type { Engine, InstanceRecord, Tag } from './model';

export interface NewInstanceFields {
  id: string;
  engine: Engine;
  instanceClass: string;
  masterUsername: string;
  dbName?: string;
  allocatedStorage: number;
  storageType: string;
  multiAz: boolean;
  availabilityZone?: string;
  backupRetentionPeriod: number;
  publiclyAccessible: boolean;
  storageEncrypted: boolean;
  iamAuth: boolean;
  deletionProtection: boolean;
  copyTagsToSnapshot: boolean;
  tags: Tag[];
  sourceId?: string;
}

/** A new instance record: one node (the primary) to be provisioned; the endpoint port comes later. */
export function newInstanceRecord(ctx: ActionContext, fields: NewInstanceFields): InstanceRecord {
  const availabilityZone = fields.availabilityZone ?? `${ctx.state.region}a`;
  return {
    ...fields,
    resourceId: newResourceId(),
    engineVersion: ctx.engineVersion,
    status: 'creating',
    port: 0,
    availabilityZone,
    secondaryAvailabilityZone: fields.multiAz ? otherZone(availabilityZone) : undefined,
    primary: { name: 'node-1', serverId: ctx.state.nextServerId(), port: 0 },
    nextNode: 2,
    pending: {},
  };
}

/** The zone a Multi-AZ standby lives in: another one of the region's zones. */
export function otherZone(zone: string): string {
  return zone.endsWith('a') ? `${zone.slice(0, -1)}b` : `${zone.slice(0, -1)}a`;
}

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** `db-` and 26 base32 characters, like RDS's DbiResourceId. */
function newResourceId(): string {
  return `db-${[...randomBytes(26)].map((byte) => BASE32[byte % 32]).join('')}`;
}

/** A master password RDS-style rules accept (letters, digits, `-` and `_`), for managed secrets. */
export function generatePassword(): string {
  return randomBytes(21).toString('base64url');
}
