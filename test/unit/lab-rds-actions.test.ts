import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateDBInstanceCommand,
  CreateDBInstanceReadReplicaCommand,
  DeleteDBInstanceCommand,
  DescribeDBInstancesCommand,
  DescribeEventsCommand,
  ModifyDBInstanceCommand,
  RDSClient,
  RebootDBInstanceCommand,
  StopDBInstanceCommand,
  type CreateDBInstanceCommandInput,
} from '@aws-sdk/client-rds';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Logger } from '../../src/node/logger';
import type { ServiceHandler } from '../../src/lab/edge/types';
import type { ActionContext } from '../../src/lab/rds/action-context';
import { RDS_ACTIONS } from '../../src/lab/rds/actions';
import { JobRunner } from '../../src/lab/rds/jobs';
import type { InstanceRecord } from '../../src/lab/rds/model';
import { createQueryHandler } from '../../src/lab/rds/query-protocol';
import { RdsState } from '../../src/lab/rds/rds-state';
import { loadStateFile } from '../../src/lab/rds/state-file';
import type { RdsWorkflows, ReplicationStatusInfo } from '../../src/lab/rds/workflows';

const silent: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** Workflows that do no real work: each call is recorded and waits for the gate, so statuses can be watched. */
class FakeWorkflows implements RdsWorkflows {
  readonly calls: string[] = [];
  failing?: string;
  private nextPort = 40_000;
  private open: Promise<void> = Promise.resolve();
  private release: () => void = () => undefined;

  hold(): void {
    this.open = new Promise((resolve) => (this.release = resolve));
  }
  letGo(): void {
    this.release();
  }

  private async step(name: string, instance?: InstanceRecord): Promise<void> {
    this.calls.push(instance ? `${name} ${instance.id}` : name);
    await this.open;
    if (this.failing === name) throw new Error(`${name} broke`);
  }

  reserveEndpoint = async (_id: string, port?: number): Promise<number> => port ?? this.nextPort++;
  releaseEndpoint = async (): Promise<void> => undefined;
  create = (i: InstanceRecord): Promise<void> => this.step('create', i);
  createReplica = (i: InstanceRecord): Promise<void> => this.step('createReplica', i);
  restore = (i: InstanceRecord): Promise<void> => this.step('restore', i);
  promote = (i: InstanceRecord): Promise<void> => this.step('promote', i);
  reboot = (i: InstanceRecord): Promise<void> => this.step('reboot', i);
  failover = (i: InstanceRecord): Promise<void> => this.step('failover', i);
  stop = (i: InstanceRecord): Promise<void> => this.step('stop', i);
  start = (i: InstanceRecord): Promise<void> => this.step('start', i);
  destroy = (i: InstanceRecord): Promise<void> => this.step('destroy', i);
  snapshot = (i: InstanceRecord): Promise<void> => this.step('snapshot', i);
  deleteSnapshotFiles = async (): Promise<void> => undefined;
  addStandby = (i: InstanceRecord): Promise<void> => this.step('addStandby', i);
  removeStandby = (i: InstanceRecord): Promise<void> => this.step('removeStandby', i);
  setMasterPassword = (i: InstanceRecord): Promise<void> => this.step('setMasterPassword', i);
  replicationStatus = async (): Promise<ReplicationStatusInfo> => ({ status: 'replicating', normal: true });
  resume = (i: InstanceRecord): Promise<void> => this.step('resume', i);
  shutdown = async (): Promise<void> => undefined;
}

/** The real SDK, its HTTP layer replaced by a direct call of the handler. */
function clientFor(handler: ServiceHandler): RDSClient {
  return new RDSClient({
    region: 'us-east-1',
    endpoint: 'http://lab.invalid',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    maxAttempts: 1,
    requestHandler: {
      handle: async (request: {
        method: string;
        path: string;
        headers: Record<string, string>;
        body?: unknown;
      }) => {
        const response = await handler({
          method: request.method,
          url: request.path,
          headers: request.headers,
          body: Buffer.from(typeof request.body === 'string' ? request.body : ''),
          service: 'rds',
          region: 'us-east-1',
          accessKeyId: 'test',
        });
        return {
          response: {
            statusCode: response.status,
            headers: response.headers,
            body: Buffer.from(response.body),
          },
        };
      },
    },
  });
}

let dir: string;
let workflows: FakeWorkflows;
let jobs: JobRunner;
let context: ActionContext;
let rds: RDSClient;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rdx-unit-rds-'));
  const file = join(dir, 'state.json');
  const { state } = await loadStateFile(file, new Date());
  workflows = new FakeWorkflows();
  jobs = new JobRunner(silent);
  context = {
    state: new RdsState(file, state, 'us-east-1', () => new Date()),
    workflows,
    jobs,
    secrets: {
      createRdsMasterSecret: async ({ instanceId }) => ({ arn: `arn:secret:${instanceId}` }),
      currentPassword: async () => 'x',
      deleteSecret: async () => undefined,
    },
    log: silent,
    now: () => new Date(),
    engineVersion: '10.11.19',
  };
  rds = clientFor(createQueryHandler({ actions: RDS_ACTIONS, context, log: silent, closing: () => false }));
});

afterEach(async () => {
  workflows.letGo();
  await jobs.idle();
  rds.destroy();
  await rm(dir, { recursive: true, force: true });
});

const create = (id: string, extra: Partial<CreateDBInstanceCommandInput> = {}) =>
  rds.send(
    new CreateDBInstanceCommand({
      DBInstanceIdentifier: id,
      DBInstanceClass: 'db.t3.micro',
      Engine: 'mysql',
      MasterUsername: 'admin',
      MasterUserPassword: 'Secret-123',
      ...extra,
    }),
  );

async function createAvailable(id: string, extra: Partial<CreateDBInstanceCommandInput> = {}): Promise<void> {
  await create(id, extra);
  await jobs.idle();
}

async function describe1(id: string) {
  const { DBInstances = [] } = await rds.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: id }));
  return DBInstances[0];
}

async function failure(promise: Promise<unknown>): Promise<string> {
  return promise.then(
    () => 'no error',
    (error: Error) => `${error.name}: ${error.message}`,
  );
}

describe('RDS actions over the SDK (workflows faked)', () => {
  it('answers at once with the transitional status and moves on when the work is done', async () => {
    workflows.hold();
    const { DBInstance } = await create('Shop-DB');
    expect(DBInstance).toMatchObject({ DBInstanceIdentifier: 'shop-db', DBInstanceStatus: 'creating' });
    expect(DBInstance?.Endpoint).toBeUndefined();
    expect((await describe1('shop-db'))?.DBInstanceStatus).toBe('creating');
    workflows.letGo();
    await jobs.idle();
    const available = await describe1('arn:aws:rds:us-east-1:000000000000:db:shop-db');
    expect(available).toMatchObject({
      DBInstanceStatus: 'available',
      Endpoint: { Address: '127.0.0.1', Port: 40000 },
    });
  });

  it('marks failed work as failed with the reason as an event, and keeps serving', async () => {
    workflows.failing = 'create';
    await create('broken');
    await jobs.idle();
    expect((await describe1('broken'))?.DBInstanceStatus).toBe('failed');
    const { Events = [] } = await rds.send(
      new DescribeEventsCommand({ SourceIdentifier: 'broken', SourceType: 'db-instance' }),
    );
    expect(Events.map((e) => e.Message)).toContain('The DB instance failed while creating: create broke');
    expect(await failure(rds.send(new DescribeEventsCommand({ SourceIdentifier: 'broken' })))).toMatch(
      /^InvalidParameterCombination/,
    );
  });

  it('pages through many instances with Marker and MaxRecords', async () => {
    for (let index = 0; index < 25; index += 1) await create(`db-${String(index).padStart(2, '0')}`);
    const first = await rds.send(new DescribeDBInstancesCommand({ MaxRecords: 20 }));
    expect(first.DBInstances).toHaveLength(20);
    const second = await rds.send(new DescribeDBInstancesCommand({ MaxRecords: 20, Marker: first.Marker }));
    expect(second.DBInstances?.map((i) => i.DBInstanceIdentifier)).toEqual([
      'db-20',
      'db-21',
      'db-22',
      'db-23',
      'db-24',
    ]);
    expect(second.Marker).toBeUndefined();
    const filtered = await rds.send(
      new DescribeDBInstancesCommand({
        Filters: [
          { Name: 'db-instance-id', Values: ['db-03', 'arn:aws:rds:us-east-1:000000000000:db:db-07'] },
        ],
      }),
    );
    expect(filtered.DBInstances?.map((i) => i.DBInstanceIdentifier)).toEqual(['db-03', 'db-07']);
  });

  it('refuses to stop replicas and their sources, and requires a final snapshot decision', async () => {
    await createAvailable('src');
    await rds.send(
      new CreateDBInstanceReadReplicaCommand({
        DBInstanceIdentifier: 'rep',
        SourceDBInstanceIdentifier: 'src',
      }),
    );
    expect(await failure(rds.send(new StopDBInstanceCommand({ DBInstanceIdentifier: 'src' })))).toMatch(
      /^InvalidDBInstanceStateFault: .*has read replicas/,
    );
    await jobs.idle();
    expect(await failure(rds.send(new StopDBInstanceCommand({ DBInstanceIdentifier: 'rep' })))).toMatch(
      /^InvalidDBInstanceStateFault: .*is a read replica/,
    );
    expect(await failure(rds.send(new DeleteDBInstanceCommand({ DBInstanceIdentifier: 'src' })))).toMatch(
      /^InvalidParameterCombination/,
    );
    const both = new DeleteDBInstanceCommand({
      DBInstanceIdentifier: 'src',
      SkipFinalSnapshot: true,
      FinalDBSnapshotIdentifier: 'f',
    });
    expect(await failure(rds.send(both))).toMatch(/^InvalidParameterCombination/);
  });

  it('promotes the replicas of a deleted source', async () => {
    await createAvailable('src');
    await rds.send(
      new CreateDBInstanceReadReplicaCommand({
        DBInstanceIdentifier: 'rep',
        SourceDBInstanceIdentifier: 'src',
      }),
    );
    await jobs.idle();
    await rds.send(new DeleteDBInstanceCommand({ DBInstanceIdentifier: 'src', SkipFinalSnapshot: true }));
    await jobs.idle();
    expect(workflows.calls).toEqual(expect.arrayContaining(['destroy src', 'promote rep']));
    const rep = await describe1('rep');
    expect(rep?.ReadReplicaSourceDBInstanceIdentifier).toBeUndefined();
    expect(rep?.DBInstanceStatus).toBe('available');
  });

  it('queues Multi-AZ without ApplyImmediately and applies it at the next reboot', async () => {
    await createAvailable('maz');
    const { DBInstance } = await rds.send(
      new ModifyDBInstanceCommand({ DBInstanceIdentifier: 'maz', MultiAZ: true }),
    );
    expect(DBInstance).toMatchObject({
      DBInstanceStatus: 'available',
      MultiAZ: false,
      PendingModifiedValues: { MultiAZ: true },
    });
    await rds.send(new RebootDBInstanceCommand({ DBInstanceIdentifier: 'maz' }));
    await jobs.idle();
    expect(workflows.calls.slice(-2)).toEqual(['reboot maz', 'addStandby maz']);
    expect(await describe1('maz')).toMatchObject({
      MultiAZ: true,
      SecondaryAvailabilityZone: 'us-east-1b',
      PendingModifiedValues: {},
    });
  });

  it('refuses a protected deletion and the lab-reserved master user names', async () => {
    await createAvailable('keep', { DeletionProtection: true });
    expect(
      await failure(
        rds.send(new DeleteDBInstanceCommand({ DBInstanceIdentifier: 'keep', SkipFinalSnapshot: true })),
      ),
    ).toMatch(/^InvalidParameterCombination: Cannot delete protected/);
    expect(await failure(create('x', { MasterUsername: 'rdsadmin' }))).toMatch(
      /^InvalidParameterValue: .*reserved/,
    );
  });

  it('says why when the machine has no MariaDB server', async () => {
    context.engineProblem = 'MariaDB server binaries not found';
    expect(await failure(create('nothing'))).toMatch(
      /^InsufficientDBInstanceCapacityFault: The local lab cannot run DB instances: MariaDB server binaries not found/,
    );
    expect((await rds.send(new DescribeDBInstancesCommand({}))).DBInstances).toEqual([]);
  });
});
