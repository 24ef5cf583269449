import { z } from 'zod';
import type { ChannelName, EventName } from './channels';
import type { AppInfo } from './models/app';
import {
  awsProfileNameSchema,
  awsRegionSchema,
  type AwsCallerIdentity,
  type AwsMfaPrompt,
  type AwsProfileList,
  type AwsRegionList,
  type SecretSummary,
} from './models/aws';
import type { InstanceMetrics } from './models/cloudwatch';
import type { LabOverview, LabStatus } from './models/lab';
import {
  passwordChangeSchema,
  profileFieldsSchema,
  profileIdSchema,
  type ConnectionProfile,
} from './models/profile';
import type { RdsInstance, RdsInstanceDetail, RdsRegionResult, RdsSnapshot } from './models/rds';
import {
  availabilityZoneSchema,
  rdsInstanceClassSchema,
  rdsInstanceIdSchema,
  rdsSnapshotIdSchema,
} from './models/rds-identifiers';
import type { ConnectionTestResult, QueryResult, SqlSession } from './models/sql';

export { CHANNELS, EVENTS, isChannel, isEvent } from './channels';

const empty = z.object({}).strict();
const sessionId = z.string().min(1).max(64);
const profile = awsProfileNameSchema;
const region = awsRegionSchema;
const id = rdsInstanceIdSchema;
/** Where an RDS action is sent: the instance `id` in `region`, with the AWS profile `profile`. */
const instanceRef = { profile, region, id };

/** Every request is validated in the main process against its channel's schema. */
export const requestSchemas = {
  'app.info': empty,
  'profiles.list': empty,
  'profiles.save': z
    .object({
      id: profileIdSchema.optional(),
      fields: profileFieldsSchema,
      password: passwordChangeSchema,
      /** The SSH key's passphrase, with the same keep / clear / set meaning as `password`. */
      sshPassphrase: passwordChangeSchema,
    })
    .strict(),
  'profiles.delete': z.object({ id: profileIdSchema }).strict(),
  'connections.test': z
    .object({
      fields: profileFieldsSchema,
      password: passwordChangeSchema,
      sshPassphrase: passwordChangeSchema,
      /** Use this stored profile's password (and SSH passphrase) when the field is undefined. */
      profileId: profileIdSchema.optional(),
    })
    .strict(),
  'sql.open': z.object({ profileId: profileIdSchema }).strict(),
  'sql.close': z.object({ sessionId }).strict(),
  'sql.run': z.object({ sessionId, sql: z.string().min(1, 'Nothing to run').max(4_000_000) }).strict(),
  'lab.overview': empty,
  'lab.start': empty,
  'lab.stop': empty,
  'aws.profiles': empty,
  /** Without a region, the profile's own (or us-east-1). */
  'aws.identity': z.object({ profile, region: region.optional() }).strict(),
  'aws.regions': z.object({ profile: profile.optional() }).strict(),
  /** No code cancels the prompt: the waiting call fails with CANCELLED. */
  'aws.answerMfa': z
    .object({
      requestId: z.string().min(1).max(64),
      code: z
        .string()
        .regex(/^\d{6}$/, 'An MFA code is 6 digits')
        .optional(),
    })
    .strict(),
  'rds.listInstances': z
    .object({ profile, regions: z.array(region).min(1, 'Choose at least one region').max(40) })
    .strict(),
  // An identifier (1-63 characters) or an instance ARN, as DescribeDBInstances accepts either.
  'rds.describeInstance': z.object({ profile, region, id: z.string().min(1).max(255) }).strict(),
  // Actions answer with the instance as RDS reports it right after the call (`rebooting`, ...).
  'rds.createReadReplica': z
    .object({
      profile,
      /** The source's region; the replica is made in `targetRegion` when given (cross-region). */
      region,
      sourceId: id,
      id,
      instanceClass: rdsInstanceClassSchema.optional(),
      availabilityZone: availabilityZoneSchema.optional(),
      targetRegion: region.optional(),
    })
    .strict(),
  'rds.promoteReadReplica': z.object(instanceRef).strict(),
  'rds.reboot': z.object({ ...instanceRef, forceFailover: z.boolean().optional() }).strict(),
  /** With `snapshotId`, RDS takes a snapshot before stopping. */
  'rds.stop': z.object({ ...instanceRef, snapshotId: rdsSnapshotIdSchema.optional() }).strict(),
  'rds.start': z.object(instanceRef).strict(),
  'rds.createSnapshot': z.object({ ...instanceRef, snapshotId: rdsSnapshotIdSchema }).strict(),
  'rds.delete': z
    .object({
      ...instanceRef,
      skipFinalSnapshot: z.boolean(),
      finalSnapshotId: rdsSnapshotIdSchema.optional(),
    })
    .strict()
    // RDS's own rule, checked before the call so the form can say it next to the field.
    .superRefine((req, ctx) => {
      if (!req.skipFinalSnapshot && req.finalSnapshotId === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['finalSnapshotId'],
          message: 'Name the final snapshot, or choose to skip it',
        });
      }
      if (req.skipFinalSnapshot && req.finalSnapshotId !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['finalSnapshotId'],
          message: 'A final snapshot cannot be named when it is skipped',
        });
      }
    }),
  /** Opens (or creates) the connection profile linked to the instance, prefilled from it. */
  'rds.connectionProfile': z.object(instanceRef).strict(),
  'secrets.list': z.object({ profile, region }).strict(),
  /** The last `minutes` (60, the only window offered) of one instance's metrics, one point a minute. */
  'cloudwatch.instanceMetrics': z
    .object({ ...instanceRef, isReplica: z.boolean().optional(), minutes: z.literal(60).optional() })
    .strict(),
} satisfies Record<ChannelName, z.ZodType>;

interface Responses {
  'app.info': AppInfo;
  'profiles.list': { profiles: ConnectionProfile[]; warning?: string };
  'profiles.save': ConnectionProfile;
  'profiles.delete': { deleted: boolean };
  'connections.test': ConnectionTestResult;
  'sql.open': SqlSession;
  'sql.close': { closed: boolean };
  'sql.run': QueryResult;
  'lab.overview': LabOverview;
  'lab.start': LabOverview;
  'lab.stop': LabOverview;
  'aws.profiles': AwsProfileList;
  'aws.identity': AwsCallerIdentity;
  'aws.regions': AwsRegionList;
  'aws.answerMfa': { accepted: boolean };
  /** In the order asked; a region that failed carries `error` instead of `instances`. */
  'rds.listInstances': { regions: RdsRegionResult[] };
  'rds.describeInstance': RdsInstanceDetail;
  'rds.createReadReplica': RdsInstance;
  'rds.promoteReadReplica': RdsInstance;
  'rds.reboot': RdsInstance;
  'rds.stop': RdsInstance;
  'rds.start': RdsInstance;
  'rds.createSnapshot': RdsSnapshot;
  'rds.delete': RdsInstance;
  'rds.connectionProfile': ConnectionProfile;
  'secrets.list': { secrets: SecretSummary[] };
  'cloudwatch.instanceMetrics': InstanceMetrics;
}

/** Payloads of the events the main process pushes to the renderer. */
export interface EventPayloads {
  'sql.sessionClosed': { sessionId: string; reason: string };
  'lab.status': LabStatus;
  'aws.mfaPrompt': AwsMfaPrompt;
}

export type Channel = keyof typeof requestSchemas;
/** What a caller sends. */
export type Req<C extends Channel> = z.input<(typeof requestSchemas)[C]>;
/** What a handler receives, after validation. */
export type ParsedReq<C extends Channel> = z.output<(typeof requestSchemas)[C]>;
export type Res<C extends Channel> = Responses[C];
export type EventPayload<E extends EventName> = EventPayloads[E];

// Compile-time completeness: the allow-lists, the schemas and the response map name the same channels.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const channelsComplete: Same<ChannelName, keyof Responses> & Same<ChannelName, Channel> = true;
const eventsComplete: Same<EventName, keyof EventPayloads> = true;
void channelsComplete;
void eventsComplete;
