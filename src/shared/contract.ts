import { z } from 'zod';
import type { ChannelName, EventName } from './channels';
import { sqlTableRequestSchemas, type SqlTableEvents, type SqlTableResponses } from './contract-sql-tables';
import { dynamoRequestSchemas, type DynamoEventPayloads, type DynamoResponses } from './contract-dynamo';
import { dynamoTransferRequestSchemas, type DynamoTransferResponses } from './contract-dynamo-transfer';
import { clientIdSchema } from './client-id';
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
import type {
  CheckableTable,
  ConsistencyProgress,
  PeerApproval,
  ReplicationSnapshot,
} from './models/replication';
import {
  DDL_KINDS,
  type SchemaCatalog,
  type SchemaDatabase,
  type SchemaObjects,
  type TableDetail,
} from './models/schema';
import {
  ROW_WINDOW_MAX,
  type Cell,
  type ConnectionTestResult,
  type QueryResult,
  type ResultProgress,
  type SessionStatus,
  type SqlSession,
} from './models/sql';
import {
  historyListSchema,
  savedQuerySaveSchema,
  type HistoryEntry,
  type SavedQuery,
} from './models/sql-history';

export { CHANNELS, EVENTS, isChannel, isEvent } from './channels';

const empty = z.object({}).strict();
const sessionId = z.string().min(1).max(64);
const resultId = z.string().min(1).max(64);
const profile = awsProfileNameSchema;
const region = awsRegionSchema;
const id = rdsInstanceIdSchema;
/** Where an RDS action is sent: the instance `id` in `region`, with the AWS profile `profile`. */
const instanceRef = { profile, region, id };
const monitorId = z.string().min(1).max(64);
const nodeKey = z.string().min(1).max(300);
/** `schema.table`, as the check's table list names them. */
const qualifiedTable = z
  .string()
  .min(3)
  .max(129)
  .regex(/^[^.]+\.[^.]+$/, 'Name tables as schema.table');
const mysqlIdentifier = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_$]+$/, 'Letters, digits, _ and $ only');

/** A database or object name as the server lists it (any characters; quoted where SQL needs it). */
const objectName = z.string().min(1).max(64);

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
  'sql.run': z
    .object({
      sessionId,
      sql: z.string().min(1, 'Nothing to run').max(4_000_000),
      /** Rows kept; DEFAULT_ROW_LIMIT when absent, null = fetch all. */
      rowLimit: z.number().int().min(1).max(1_000_000_000).nullable().optional(),
      /** The user agreed to run a destructive statement (DROP, TRUNCATE, ALTER, UPDATE/DELETE without WHERE). */
      confirmed: z.boolean().optional(),
      /** The id its rows will have (made by the caller so it can listen before it asks); one in use is refused. */
      resultId: clientIdSchema.optional(),
    })
    .strict(),
  /** A window of a result's rows, optionally sorted and filtered (over the rows loaded so far). */
  'sql.rows': z
    .object({
      resultId,
      offset: z.number().int().min(0),
      limit: z.number().int().min(1).max(ROW_WINDOW_MAX),
      sort: z
        .array(z.object({ column: z.number().int().min(0).max(4096), desc: z.boolean().optional() }).strict())
        .max(8)
        .optional(),
      filter: z.string().max(1000).optional(),
    })
    .strict(),
  /** Releases results (their rows and spool files) in one call; ids already closed are skipped. */
  'sql.closeResults': z.object({ resultIds: z.array(resultId).min(1).max(1000) }).strict(),
  /** Stops the session's running statement (KILL QUERY over a side connection). */
  'sql.cancel': z.object({ sessionId }).strict(),
  'sql.setAutocommit': z.object({ sessionId, autocommit: z.boolean() }).strict(),
  'sql.commit': z.object({ sessionId }).strict(),
  'sql.rollback': z.object({ sessionId }).strict(),
  /** The statements run on a connection, newest first. */
  'sql.history.list': historyListSchema,
  'sql.history.clear': z.object({ profileId: profileIdSchema }).strict(),
  /** Saved queries: the global ones plus, with `profileId`, that connection's. */
  'sql.saved.list': z.object({ profileId: profileIdSchema.optional() }).strict(),
  'sql.saved.save': savedQuerySaveSchema,
  'sql.saved.delete': z.object({ id: z.string().min(1).max(64) }).strict(),
  /** Schema introspection on the profile's own metadata connection; answers cached until schema.refresh. */
  'schema.databases': z.object({ profileId: profileIdSchema }).strict(),
  'schema.objects': z.object({ profileId: profileIdSchema, database: objectName }).strict(),
  'schema.table': z.object({ profileId: profileIdSchema, database: objectName, table: objectName }).strict(),
  'schema.ddl': z
    .object({ profileId: profileIdSchema, database: objectName, name: objectName, kind: z.enum(DDL_KINDS) })
    .strict(),
  /** Every table and column of one database, for completion. */
  'schema.catalog': z.object({ profileId: profileIdSchema, database: objectName }).strict(),
  /** Drops the profile's cached answers (after a DROP, or the tree's refresh button). */
  'schema.refresh': z.object({ profileId: profileIdSchema }).strict(),
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
  /**
   * Starts watching the topology around a connection profile: its source(s) up to the primary and every
   * replica below, merged with the RDS topology when `rds` names the instance behind the profile.
   */
  'replication.open': z
    .object({
      profileId: profileIdSchema,
      rds: z.object(instanceRef).strict().optional(),
      lagThresholdSeconds: z.number().min(0).max(86_400).optional(),
    })
    .strict(),
  /** Reads every node again (in parallel) and answers with the new snapshot. */
  'replication.refresh': z.object({ monitorId }).strict(),
  /** Closes the monitor's connections and stops its heartbeat. */
  'replication.close': z.object({ monitorId }).strict(),
  /** Connects a discovered peer with a saved profile (and remembers the match for this monitor). */
  'replication.attachPeer': z.object({ monitorId, nodeKey, profileId: profileIdSchema }).strict(),
  /**
   * "Use <profile>'s credentials on host:port": the user allows the profile's login (user, password,
   * TLS, SSH bastion) on the node's address, remembered with the profile until revoked. A peer a
   * server merely names gets no credentials without it.
   */
  'replication.approvePeer': z.object({ monitorId, nodeKey, profileId: profileIdSchema }).strict(),
  /** Every remembered approval, with its profile's name. */
  'replication.approvals': empty,
  'replication.revokeApproval': z
    .object({
      profileId: profileIdSchema,
      host: z.string().min(1).max(255),
      port: z.number().int().min(1).max(65535),
    })
    .strict(),
  /**
   * Changes the lag threshold or the heartbeat. Enabling the `table` heartbeat writes on the primary, so
   * it fails with CONSENT_REQUIRED until `consent` is true once for the start profile (remembered).
   */
  'replication.configure': z
    .object({
      monitorId,
      lagThresholdSeconds: z.number().min(0).max(86_400).optional(),
      heartbeat: z
        .object({
          enabled: z.boolean(),
          mode: z.enum(['rds', 'table']).optional(),
          schema: mysqlIdentifier.optional(),
          intervalMs: z.number().int().min(100).max(60_000).optional(),
          consent: z.boolean().optional(),
        })
        .strict()
        .optional(),
    })
    .strict(),
  /** Tables of the primary the consistency check can run on. */
  'replication.tables': z.object({ monitorId }).strict(),
  /** Starts a consistency check; progress and the result arrive as `replication.checkProgress` events. */
  'replication.startCheck': z
    .object({
      monitorId,
      tables: z.array(qualifiedTable).min(1, 'Choose at least one table').max(500),
      /** Replicas to compare; all reachable replicas when absent. */
      replicaKeys: z.array(nodeKey).max(50).optional(),
      chunkRows: z.number().int().min(10).max(1_000_000).optional(),
      waitTimeoutSeconds: z.number().int().min(1).max(3600).optional(),
    })
    .strict(),
  'replication.cancelCheck': z.object({ checkId: z.string().min(1).max(64) }).strict(),
  ...sqlTableRequestSchemas,
  ...dynamoRequestSchemas,
  ...dynamoTransferRequestSchemas,
} satisfies Record<ChannelName, z.ZodType>;

interface Responses extends SqlTableResponses, DynamoResponses, DynamoTransferResponses {
  'app.info': AppInfo;
  /** `warning`: the profiles file was unreadable; `secretsWarning`: the saved passwords file was. */
  'profiles.list': { profiles: ConnectionProfile[]; warning?: string; secretsWarning?: string };
  'profiles.save': ConnectionProfile;
  'profiles.delete': { deleted: boolean };
  'connections.test': ConnectionTestResult;
  'sql.open': SqlSession;
  'sql.close': { closed: boolean };
  'sql.run': QueryResult;
  /** `total` counts the rows of the view (all rows loaded so far, or those matching the filter). */
  'sql.rows': {
    rows: Cell[][];
    offset: number;
    total: number;
    /** Whether reading is over (then `stoppedAtLimit` and any `error` say how it ended). */
    complete: boolean;
    stoppedAtLimit?: boolean;
    /** The whole read, once complete. */
    durationMs?: number;
    error?: { code: string; message: string };
  };
  /** How many of the ids were open and are now closed. */
  'sql.closeResults': { closed: number };
  /** False when nothing was running. */
  'sql.cancel': { cancelled: boolean };
  'sql.setAutocommit': SqlSession;
  'sql.commit': SqlSession;
  'sql.rollback': SqlSession;
  'sql.history.list': { entries: HistoryEntry[]; warning?: string };
  'sql.history.clear': { cleared: number };
  'sql.saved.list': { queries: SavedQuery[]; warning?: string };
  'sql.saved.save': SavedQuery;
  'sql.saved.delete': { deleted: boolean };
  'schema.databases': { databases: SchemaDatabase[] };
  'schema.objects': SchemaObjects;
  'schema.table': TableDetail;
  'schema.ddl': { ddl: string };
  'schema.catalog': SchemaCatalog;
  'schema.refresh': { refreshed: boolean };
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
  'replication.open': ReplicationSnapshot;
  'replication.refresh': ReplicationSnapshot;
  'replication.close': { closed: boolean };
  'replication.attachPeer': ReplicationSnapshot;
  'replication.configure': ReplicationSnapshot;
  'replication.approvePeer': ReplicationSnapshot;
  'replication.approvals': { approvals: PeerApproval[] };
  'replication.revokeApproval': { revoked: boolean };
  'replication.tables': { tables: CheckableTable[] };
  'replication.startCheck': { checkId: string };
  'replication.cancelCheck': { cancelled: boolean };
}

/** Payloads of the events the main process pushes to the renderer. */
export interface EventPayloads extends SqlTableEvents, DynamoEventPayloads {
  'sql.sessionClosed': { sessionId: string; reason: string };
  /** Throttled while a result is read (about every 100 ms) and once at the end (`complete`). */
  'sql.resultProgress': ResultProgress;
  /** Reconnecting (with the attempt number), open again, or lost; also when autocommit/transaction/USE change. */
  'sql.sessionStatus': SessionStatus;
  'lab.status': LabStatus;
  'aws.mfaPrompt': AwsMfaPrompt;
  /** Sent after every chunk and once at the end (`done`, `cancelled` or `failed`). */
  'replication.checkProgress': ConsistencyProgress;
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
