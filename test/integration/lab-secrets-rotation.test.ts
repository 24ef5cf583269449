import {
  DeleteSecretCommand,
  DescribeSecretCommand,
  GetSecretValueCommand,
  InvalidParameterException,
  InvalidRequestException,
  ListSecretsCommand,
  ListSecretVersionIdsCommand,
  PutSecretValueCommand,
  ResourceNotFoundException,
  RotateSecretCommand,
  type SecretsManagerClient,
  UpdateSecretCommand,
} from '@aws-sdk/client-secrets-manager';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { secretsAdminRoutes } from '../../src/lab/secrets/secrets-admin';
import type { SecretsService } from '../../src/lab/secrets/secrets-service';
import { adminHeaders } from '../support/edge-client';
import { rejection, startSecretsEdge, type SecretsEdge } from '../support/lab-secrets-edge';

const INSTANCE_ARN = 'arn:aws:rds:us-east-1:000000000000:db:myrdslab';

let lab: SecretsEdge;
let service: SecretsService;
let client: SecretsManagerClient;
let arn: string;
/** What the fake RDS side was asked to do, and what the secret looked like while it did it. */
let calls: { instanceId: string; password: string; pending: string; current: string }[];

async function valueAt(stage: string): Promise<{ username: string; password: string }> {
  const value = await client.send(new GetSecretValueCommand({ SecretId: arn, VersionStage: stage }));
  return JSON.parse(value.SecretString ?? '') as { username: string; password: string };
}

beforeAll(async () => {
  lab = await startSecretsEdge({
    label: 'lab-rotation',
    admin: (secrets) => secretsAdminRoutes(secrets.faults),
  });
  ({ service, client } = lab);
  ({ arn } = await service.managed.createRdsMasterSecret({
    instanceId: 'myrdslab',
    instanceArn: INSTANCE_ARN,
    username: 'admin',
    password: 'initial-Pw1',
  }));
});

beforeEach(() => {
  calls = [];
});

afterAll(async () => {
  await lab?.close();
});

describe('RDS master secrets', () => {
  it('look as RDS creates them', async () => {
    const described = await client.send(new DescribeSecretCommand({ SecretId: arn }));
    expect(described.Name).toMatch(/^rds!db-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(described).toMatchObject({
      OwningService: 'rds',
      RotationEnabled: true,
      RotationRules: { AutomaticallyAfterDays: 7 },
      Description: `Secret associated with primary RDS DB instance: ${INSTANCE_ARN}`,
    });
    expect(described.Tags).toEqual(
      expect.arrayContaining([
        { Key: 'aws:rds:primaryDBInstanceArn', Value: INSTANCE_ARN },
        { Key: 'aws:secretsmanager:owningService', Value: 'rds' },
      ]),
    );
    expect(described.NextRotationDate).toBeInstanceOf(Date);
    expect(await valueAt('AWSCURRENT')).toEqual({ username: 'admin', password: 'initial-Pw1' });
    expect(await service.managed.currentPassword(arn)).toBe('initial-Pw1');
    const listed = await client.send(
      new ListSecretsCommand({ Filters: [{ Key: 'owning-service', Values: ['rds'] }] }),
    );
    expect(listed.SecretList?.map((s) => s.ARN)).toEqual([arn]);
  });

  it('cannot rotate before the RDS emulation provides a password setter', async () => {
    const error = await rejection(client.send(new RotateSecretCommand({ SecretId: arn })));
    expect(error).toBeInstanceOf(InvalidRequestException);
    expect(error.message).toMatch(/RDS emulation/);
  });

  it('rotates: a new password on the instance, AWSCURRENT and AWSPREVIOUS moved', async () => {
    service.setPasswordSetter(async (instanceId, password) => {
      // While the instance changes its password, the new value waits as AWSPENDING.
      calls.push({
        instanceId,
        password,
        pending: (await valueAt('AWSPENDING')).password,
        current: (await valueAt('AWSCURRENT')).password,
      });
    });
    const rotated = await client.send(new RotateSecretCommand({ SecretId: arn }));
    expect(calls).toHaveLength(1);
    const [call] = calls;
    expect(call).toMatchObject({ instanceId: 'myrdslab', current: 'initial-Pw1' });
    expect(call?.pending).toBe(call?.password);
    expect(call?.password).toMatch(/^[^/"@'\\` ]{28}$/);
    expect(await valueAt('AWSCURRENT')).toEqual({ username: 'admin', password: call?.password });
    expect((await valueAt('AWSPREVIOUS')).password).toBe('initial-Pw1');
    expect(await service.managed.currentPassword(arn)).toBe(call?.password);
    const described = await client.send(new DescribeSecretCommand({ SecretId: arn }));
    expect(described.VersionIdsToStages?.[rotated.VersionId ?? '']).toEqual(['AWSCURRENT']);
    expect(
      Object.values(described.VersionIdsToStages ?? {})
        .flat()
        .sort(),
    ).toEqual(['AWSCURRENT', 'AWSPREVIOUS']);
    expect(described.LastRotatedDate).toBeInstanceOf(Date);
  });

  it('rotates again on demand (the fault) and through the admin route', async () => {
    const before = (await valueAt('AWSCURRENT')).password;
    await service.faults.rotateNow(arn);
    expect((await valueAt('AWSPREVIOUS')).password).toBe(before);
    const response = await fetch(`${lab.edge.url}/_lab/faults/rotate-secret`, {
      method: 'POST',
      headers: adminHeaders(lab.credentials),
      body: JSON.stringify({ secretId: arn }),
    });
    expect(response.status).toBe(200);
    expect(calls).toHaveLength(2);
    expect((await valueAt('AWSCURRENT')).password).toBe(calls[1]?.password);
    expect((await valueAt('AWSPREVIOUS')).password).toBe(calls[0]?.password);
  });

  it('rolls back when the instance refuses the new password', async () => {
    const before = await client.send(new GetSecretValueCommand({ SecretId: arn }));
    service.setPasswordSetter(async () => {
      throw new Error('instance myrdslab is stopped');
    });
    const error = await rejection(client.send(new RotateSecretCommand({ SecretId: arn })));
    expect(error).toBeInstanceOf(InvalidRequestException);
    expect(error.message).toMatch(/rolled back.*instance myrdslab is stopped/);
    const after = await client.send(new GetSecretValueCommand({ SecretId: arn }));
    expect(after.VersionId).toBe(before.VersionId);
    const versions = await client.send(
      new ListSecretVersionIdsCommand({ SecretId: arn, IncludeDeprecated: true }),
    );
    expect(versions.Versions?.flatMap((v) => v.VersionStages ?? [])).not.toContain('AWSPENDING');
  });

  it('refuses changes that only RDS may make', async () => {
    const cases = [
      client.send(new PutSecretValueCommand({ SecretId: arn, SecretString: 'x' })),
      client.send(new UpdateSecretCommand({ SecretId: arn, Description: 'mine now' })),
      client.send(new DeleteSecretCommand({ SecretId: arn, ForceDeleteWithoutRecovery: true })),
    ];
    for (const call of cases) expect(await rejection(call)).toBeInstanceOf(InvalidRequestException);
    const lambda = client.send(
      new RotateSecretCommand({
        SecretId: arn,
        RotationLambdaARN: 'arn:aws:lambda:us-east-1:000000000000:function:f',
      }),
    );
    expect(await rejection(lambda)).toBeInstanceOf(InvalidParameterException);
  });

  it('is removed by RDS when the instance goes', async () => {
    await service.managed.deleteSecret(arn);
    expect(await rejection(client.send(new DescribeSecretCommand({ SecretId: arn })))).toBeInstanceOf(
      ResourceNotFoundException,
    );
    await expect(service.managed.currentPassword(arn)).rejects.toThrow(/can't find the specified secret/);
    await service.managed.deleteSecret(arn);
  });
});
