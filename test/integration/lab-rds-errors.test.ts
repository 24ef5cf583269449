import {
  CreateDBInstanceCommand,
  DescribeDBInstancesCommand,
  DescribeDBSnapshotsCommand,
  RebootDBInstanceCommand,
  type RDSClient,
} from '@aws-sdk/client-rds';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedHeaders } from '../support/edge-client';
import { errorOf } from '../support/lab-rds-client';
import { MASTER, PASSWORD } from '../support/lab-rds-db';
import { REGION, startRdsLab, type RdsLab } from '../support/lab-rds-edge';

// No instance is created here: every request is refused before a server would be needed.
let lab: RdsLab;
let rds: RDSClient;

beforeAll(async () => {
  lab = await startRdsLab('lab-rds-errors');
  rds = lab.rds;
});

afterAll(async () => {
  await lab?.close();
});

describe('bad requests get RDS errors and SDK exception classes', () => {
  it('answers an unknown instance with DBInstanceNotFound (404)', async () => {
    expect(
      await errorOf(rds.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: 'nope' }))),
    ).toMatchObject({
      name: 'DBInstanceNotFoundFault',
      status: 404,
      message: 'DBInstance nope not found.',
    });
    const reboot = rds.send(new RebootDBInstanceCommand({ DBInstanceIdentifier: 'nope' }));
    expect(await errorOf(reboot)).toMatchObject({ name: 'DBInstanceNotFoundFault' });
    const snapshot = rds.send(new DescribeDBSnapshotsCommand({ DBSnapshotIdentifier: 'nope' }));
    expect(await errorOf(snapshot)).toMatchObject({ name: 'DBSnapshotNotFoundFault', status: 404 });
  });

  it('refuses malformed and missing parameters', async () => {
    const base = {
      DBInstanceIdentifier: 'ok-name',
      DBInstanceClass: 'db.t3.micro',
      Engine: 'mariadb',
      MasterUsername: MASTER,
      MasterUserPassword: PASSWORD,
    };
    const cases: [Partial<typeof base> & { ManageMasterUserPassword?: boolean }, string, RegExp][] = [
      [{ DBInstanceIdentifier: 'bad--id' }, 'InvalidParameterValue', /not a valid identifier/],
      [{ DBInstanceIdentifier: undefined }, 'MissingParameter', /DBInstanceIdentifier/],
      [{ Engine: 'postgres' }, 'InvalidParameterValue', /Invalid DB engine/],
      [{ MasterUserPassword: 'short' }, 'InvalidParameterValue', /MasterUserPassword/],
      [{ MasterUserPassword: undefined }, 'InvalidParameterValue', /MasterUserPassword must be provided/],
      [{ ManageMasterUserPassword: true }, 'InvalidParameterCombination', /MasterUserPassword/],
    ];
    for (const [change, name, message] of cases) {
      const input = { ...base, ...change } as typeof base;
      const failure = await errorOf(rds.send(new CreateDBInstanceCommand(input)));
      expect(failure, JSON.stringify(change)).toMatchObject({ name, status: 400 });
      expect(failure.message).toMatch(message);
    }
    const paging = rds.send(new DescribeDBInstancesCommand({ MaxRecords: 5 }));
    expect(await errorOf(paging)).toMatchObject({
      name: 'InvalidParameterValue',
      message: expect.stringMatching(/between 20 and 100/),
    });
    const filter = rds.send(
      new DescribeDBInstancesCommand({ Filters: [{ Name: 'colour', Values: ['red'] }] }),
    );
    expect(await errorOf(filter)).toMatchObject({ name: 'InvalidParameterValue' });
  });

  it('answers unknown actions and bodies without an action in RDS XML', async () => {
    // Signed with the lab key, as no SDK would send these bodies.
    const post = (body: string): Promise<Response> =>
      fetch(lab.url, {
        method: 'POST',
        headers: signedHeaders(lab.url, {
          service: 'rds',
          region: REGION,
          credentials: lab.credentials,
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body,
        }),
        body,
      });
    const unknown = await post('Action=LaunchRocket&Version=2014-10-31');
    expect(unknown.status).toBe(400);
    expect(unknown.headers.get('content-type')).toBe('text/xml');
    expect(await unknown.text()).toMatch(
      /^<ErrorResponse xmlns="http:\/\/rds.amazonaws.com\/doc\/2014-10-31\/"><Error><Type>Sender<\/Type><Code>InvalidAction<\/Code>/,
    );
    const garbage = await post('%%%<xml>&&&');
    expect(garbage.status).toBe(400);
    expect(await garbage.text()).toContain('<Code>MissingAction</Code>');
  });
});
