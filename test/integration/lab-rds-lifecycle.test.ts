import {
  CreateDBInstanceCommand,
  DeleteDBInstanceCommand,
  DescribeDBInstancesCommand,
  DescribeEventsCommand,
  ModifyDBInstanceCommand,
  PromoteReadReplicaCommand,
  RebootDBInstanceCommand,
  StartDBInstanceCommand,
  type RDSClient,
} from '@aws-sdk/client-rds';
import { describe, expect, it } from 'vitest';
import { presignedUrl } from '../support/edge-client';
import { errorOf } from '../support/lab-rds-client';
import { connect, MASTER, names, PASSWORD, withDb } from '../support/lab-rds-db';
import { REGION, useRdsLab, type RdsLab } from '../support/lab-rds-edge';
import { addUsers, sourceInput } from '../support/lab-rds-seed';
import { waitForStatus } from '../support/lab-rds-wait';

const SRC = 'lab-src';
let rds: RDSClient;
let lab: RdsLab;
let srcPort: number | undefined;
const timings = useRdsLab('lab-rds-lifecycle', (started) => {
  lab = started;
  rds = started.rds;
});

describe('instance lifecycle', () => {
  it('creates an instance that goes from creating to available with a real endpoint', async () => {
    const created = await timings.timed('createInstance', async () => {
      const { DBInstance } = await rds.send(new CreateDBInstanceCommand(sourceInput(SRC)));
      const seen = [DBInstance?.DBInstanceStatus ?? '?'];
      const available = await waitForStatus(rds, SRC, 'available', seen);
      return { available, seen };
    });
    expect(created.seen[0]).toBe('creating');
    expect(created.seen.at(-1)).toBe('available');
    const instance = created.available;
    expect(instance).toMatchObject({
      DBInstanceIdentifier: SRC,
      Engine: 'mariadb',
      DBInstanceClass: 'db.t3.micro',
      MasterUsername: MASTER,
      DBName: 'demo',
      AllocatedStorage: 20,
      MultiAZ: false,
      AvailabilityZone: `${REGION}a`,
      DBInstanceArn: `arn:aws:rds:${REGION}:000000000000:db:${SRC}`,
      Endpoint: { Address: '127.0.0.1' },
      TagList: [{ Key: 'course', Value: 'lab' }],
      BackupRetentionPeriod: 1,
    });
    expect(instance.EngineVersion).toMatch(/^\d+\.\d+\.\d+$/);
    expect(instance.DbiResourceId).toMatch(/^db-[A-Z2-7]{26}$/);
    expect(instance.InstanceCreateTime).toBeInstanceOf(Date);
    srcPort = instance.Endpoint?.Port;
    await addUsers(srcPort);
    expect(await names(srcPort)).toEqual(['Monowar', 'CloudUser']);
  });

  it('takes no change from a GET: an <img> URL, even one presigned with the lab key, reboots nothing', async () => {
    const params = { Action: 'RebootDBInstance', Version: '2014-10-31', DBInstanceIdentifier: SRC };
    // What a web page's <img src> sends: no signature at all, or one that only looks right.
    const plain = await fetch(`${lab.url}/?${new URLSearchParams(params)}`);
    expect(plain.status).toBe(403);
    expect(await plain.text()).toMatch(/<Code>MissingAuthenticationToken<\/Code>/);
    const lookalike = new URLSearchParams({
      ...params,
      'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
      'X-Amz-Credential': `${lab.credentials.accessKeyId}/20250101/${REGION}/rds/aws4_request`,
      'X-Amz-Date': '20250101T000000Z',
      'X-Amz-SignedHeaders': 'host',
      'X-Amz-Signature': 'abcdef0123456789',
    });
    const forged = await fetch(`${lab.url}/?${lookalike}`);
    expect(forged.status).toBe(403);
    expect(await forged.text()).toMatch(/<Code>SignatureDoesNotMatch<\/Code>/);
    // Even correctly signed, a change never comes by GET.
    const presigned = await fetch(
      presignedUrl(lab.url, { service: 'rds', region: REGION, credentials: lab.credentials, params }),
    );
    expect(presigned.status).toBe(405);
    expect(await presigned.text()).toMatch(
      /RebootDBInstance changes the lab, so it is accepted only as a POST/,
    );

    const { DBInstances } = await rds.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: SRC }));
    expect(DBInstances?.[0]?.DBInstanceStatus).toBe('available');
    const { Events = [] } = await rds.send(
      new DescribeEventsCommand({ SourceIdentifier: SRC, SourceType: 'db-instance' }),
    );
    expect(Events.map((e) => e.Message)).not.toContain('DB instance shutdown');
    // Reads still work by GET, as AWS serves them.
    const describe = presignedUrl(lab.url, {
      service: 'rds',
      region: REGION,
      credentials: lab.credentials,
      params: { Action: 'DescribeDBInstances', Version: '2014-10-31', DBInstanceIdentifier: SRC },
    });
    expect((await fetch(describe)).status).toBe(200);
  });

  it('refuses a duplicate identifier and a wrong state', async () => {
    const duplicate = rds.send(
      new CreateDBInstanceCommand({
        DBInstanceIdentifier: SRC.toUpperCase(),
        DBInstanceClass: 'db.t3.micro',
        Engine: 'mysql',
        MasterUsername: MASTER,
        MasterUserPassword: PASSWORD,
      }),
    );
    expect(await errorOf(duplicate)).toMatchObject({ name: 'DBInstanceAlreadyExistsFault', status: 400 });
    const start = rds.send(new StartDBInstanceCommand({ DBInstanceIdentifier: SRC }));
    expect(await errorOf(start)).toMatchObject({ name: 'InvalidDBInstanceStateFault', status: 400 });
    const promote = rds.send(new PromoteReadReplicaCommand({ DBInstanceIdentifier: SRC }));
    expect(await errorOf(promote)).toMatchObject({ name: 'InvalidDBInstanceStateFault' });
    const failover = rds.send(
      new RebootDBInstanceCommand({ DBInstanceIdentifier: SRC, ForceFailover: true }),
    );
    expect(await errorOf(failover)).toMatchObject({ name: 'InvalidParameterCombination' });
    const noFinal = rds.send(new DeleteDBInstanceCommand({ DBInstanceIdentifier: SRC }));
    expect(await errorOf(noFinal)).toMatchObject({ name: 'InvalidParameterCombination' });
  });

  it('filters, pages and records events', async () => {
    const byEngine = await rds.send(
      new DescribeDBInstancesCommand({ Filters: [{ Name: 'engine', Values: ['mariadb'] }], MaxRecords: 20 }),
    );
    expect(byEngine.DBInstances?.map((i) => i.DBInstanceIdentifier)).toContain(SRC);
    expect(byEngine.Marker).toBeUndefined();
    const byCluster = await rds.send(
      new DescribeDBInstancesCommand({ Filters: [{ Name: 'db-cluster-id', Values: ['any'] }] }),
    );
    expect(byCluster.DBInstances).toEqual([]);
    const { Events = [] } = await rds.send(
      new DescribeEventsCommand({ SourceIdentifier: SRC, SourceType: 'db-instance' }),
    );
    expect(Events.map((event) => event.Message)).toContain('DB instance created');
    expect(Events[0]?.Date).toBeInstanceOf(Date);
  });
});

describe('master password', () => {
  it('changes the real password with ModifyDBInstance', async () => {
    const next = 'Next-pass-5678';
    const { DBInstance } = await rds.send(
      new ModifyDBInstanceCommand({
        DBInstanceIdentifier: SRC,
        MasterUserPassword: next,
        ApplyImmediately: true,
      }),
    );
    expect(DBInstance?.DBInstanceStatus).toBe('resetting-master-credentials');
    await waitForStatus(rds, SRC, 'available');
    await withDb(srcPort, (c) => c.query('SELECT 1'), next);
    await expect(connect(srcPort, PASSWORD)).rejects.toMatchObject({ code: 'ER_ACCESS_DENIED_ERROR' });
    await rds.send(new ModifyDBInstanceCommand({ DBInstanceIdentifier: SRC, MasterUserPassword: PASSWORD }));
    await waitForStatus(rds, SRC, 'available');
    // Without ApplyImmediately too: RDS applies a new master password as soon as it can either way.
    await withDb(srcPort, (c) => c.query('SELECT 1'));
  });
});
