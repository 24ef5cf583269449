import { z } from 'zod';
import type { RdsStateFile } from './model';

// The state file is input like any other: a hand edit or a half-written file from an old version must
// be reported, not trusted.
const tag = z.object({ Key: z.string(), Value: z.string() });
const node = z.object({
  name: z.string().min(1),
  serverId: z.number().int().positive(),
  port: z.number().int(),
});
const engine = z.enum(['mysql', 'mariadb']);

const instance = z.object({
  id: z.string().min(1),
  resourceId: z.string(),
  engine,
  engineVersion: z.string(),
  instanceClass: z.string(),
  allocatedStorage: z.number().int(),
  storageType: z.string(),
  masterUsername: z.string(),
  dbName: z.string().optional(),
  status: z.enum([
    'creating',
    'available',
    'backing-up',
    'rebooting',
    'modifying',
    'resetting-master-credentials',
    'stopping',
    'stopped',
    'starting',
    'deleting',
    'failed',
    'incompatible-restore',
  ]),
  port: z.number().int(),
  multiAz: z.boolean(),
  availabilityZone: z.string(),
  secondaryAvailabilityZone: z.string().optional(),
  primary: node,
  standby: node.optional(),
  nextNode: z.number().int(),
  sourceId: z.string().optional(),
  backupRetentionPeriod: z.number().int(),
  createdAt: z.string().optional(),
  masterUserSecretArn: z.string().optional(),
  publiclyAccessible: z.boolean(),
  storageEncrypted: z.boolean(),
  iamAuth: z.boolean(),
  deletionProtection: z.boolean(),
  copyTagsToSnapshot: z.boolean(),
  tags: z.array(tag),
  pending: z.object({ multiAz: z.boolean().optional(), instanceClass: z.string().optional() }),
});

const snapshot = z.object({
  id: z.string().min(1),
  instanceId: z.string(),
  resourceId: z.string(),
  status: z.enum(['creating', 'available', 'failed']),
  createdAt: z.string(),
  instanceCreatedAt: z.string().optional(),
  engine,
  engineVersion: z.string(),
  allocatedStorage: z.number().int(),
  storageType: z.string(),
  port: z.number().int(),
  availabilityZone: z.string(),
  masterUsername: z.string(),
  dbName: z.string().optional(),
  iamAuth: z.boolean(),
  encrypted: z.boolean(),
  tags: z.array(tag),
});

const event = z.object({
  sourceId: z.string(),
  sourceType: z.enum(['db-instance', 'db-snapshot']),
  message: z.string(),
  categories: z.array(z.string()),
  date: z.string(),
  sourceArn: z.string(),
});

export const rdsStateSchema: z.ZodType<RdsStateFile> = z.object({
  version: z.literal(1),
  adminPassword: z.string().min(16),
  replPassword: z.string().min(16),
  nextServerId: z.number().int().positive(),
  instances: z.array(instance),
  snapshots: z.array(snapshot),
  events: z.array(event),
});
