import { describe, expect, it } from 'vitest';
import type { RdsInstance } from '../../src/shared/models/rds';
import { instanceCliCommand } from '../../src/renderer/src/features/rds/detail/instance-cli';
import { ordersPrimary, PRIMARY_ARN, SECRET_ARN } from './support/rds-instance-fixtures';

// The production-like primary with a replica, in its own VPC, with its custom parameter group only.
function orders(overrides: Partial<RdsInstance> = {}): RdsInstance {
  return ordersPrimary({
    replicaIds: ['orders-replica'],
    replicas: [{ id: 'orders-replica', region: 'us-east-1' }],
    vpcId: 'vpc-0abc',
    parameterGroups: ['orders-mysql8'],
    ...overrides,
  });
}

function replica(overrides: Partial<RdsInstance> = {}): RdsInstance {
  return orders({
    id: 'orders-replica',
    arn: 'arn:aws:rds:us-east-1:123456789012:db:orders-replica',
    availabilityZone: 'us-east-1b',
    role: 'replica',
    sourceId: 'orders',
    source: { id: 'orders', region: 'us-east-1' },
    replicaIds: [],
    replicas: [],
    deletionProtection: false,
    ...overrides,
  });
}

/** The flags of a command, without their values: `--multi-az`, `--region`… */
const flags = (command: string) => command.match(/--[a-z-]+/g) ?? [];

describe('instanceCliCommand for a primary', () => {
  it('writes a create-db-instance command with every setting, one flag per line', () => {
    expect(instanceCliCommand(orders())).toBe(
      [
        'aws rds create-db-instance',
        '--db-instance-identifier orders',
        '--db-instance-class db.m5.large',
        '--engine mysql',
        '--engine-version 8.0.35',
        '--allocated-storage 400',
        '--master-username admin',
        '--master-user-password "$DB_MASTER_PASSWORD"',
        '--db-name shop',
        '--backup-retention-period 7',
        '--db-subnet-group-name orders-db',
        '--storage-type gp3',
        '--iops 12000',
        '--storage-throughput 500',
        '--max-allocated-storage 1000',
        '--no-multi-az',
        '--availability-zone us-east-1a',
        '--no-publicly-accessible',
        '--storage-encrypted',
        '--kms-key-id arn:aws:kms:us-east-1:123456789012:key/1234abcd',
        '--enable-iam-database-authentication',
        '--deletion-protection',
        '--vpc-security-group-ids sg-0123 sg-0456',
        '--db-parameter-group-name orders-mysql8',
        '--ca-certificate-identifier rds-ca-rsa2048-g1',
        `--tags '[{"Key":"team","Value":"data platform"},{"Key":"env","Value":"prod"}]'`,
        '--region us-east-1',
      ].join(' \\\n  '),
    );
  });

  it('asks for the password through an environment variable, never a value', () => {
    const command = instanceCliCommand(orders());
    // Left unquoted by the quoting so the shell expands it, and in double quotes so it stays one word.
    expect(command).toContain('--master-user-password "$DB_MASTER_PASSWORD"');
    expect(command).not.toContain('--manage-master-user-password');
  });

  it('lets RDS manage the password when the instance has a master secret, and never names the secret', () => {
    const command = instanceCliCommand(
      orders({
        masterUserSecret: { arn: SECRET_ARN, status: 'active', kmsKeyId: 'alias/aws/secretsmanager' },
      }),
    );
    expect(flags(command)).toContain('--manage-master-user-password');
    expect(command).not.toContain('--master-user-password');
    expect(command).not.toContain('DB_MASTER_PASSWORD');
    expect(command).not.toContain('secretsmanager');
    expect(command).not.toContain('rds!db-');
  });

  it('says --multi-az without a zone for a Multi-AZ instance', () => {
    const command = instanceCliCommand(orders({ multiAz: true, secondaryAvailabilityZone: 'us-east-1b' }));
    expect(flags(command)).toContain('--multi-az');
    expect(flags(command)).not.toContain('--no-multi-az');
    expect(flags(command)).not.toContain('--availability-zone');
  });

  it('leaves out default parameter groups, which would only pin an engine version', () => {
    expect(flags(instanceCliCommand(orders({ parameterGroups: ['default.mysql8.0'] })))).not.toContain(
      '--db-parameter-group-name',
    );
    expect(instanceCliCommand(orders({ parameterGroups: ['default.mysql8.0', 'orders-mysql8'] }))).toContain(
      '--db-parameter-group-name orders-mysql8',
    );
  });

  it('neither encrypts nor names a key for an unencrypted instance', () => {
    const command = instanceCliCommand(
      orders({ encrypted: false, kmsKeyId: 'arn:aws:kms:us-east-1:1:key/x' }),
    );
    expect(flags(command)).not.toContain('--storage-encrypted');
    expect(flags(command)).not.toContain('--kms-key-id');
  });

  it('writes no empty flags for an instance RDS reports little about', () => {
    const bare: RdsInstance = {
      id: 'scratch',
      region: 'eu-west-1',
      engine: 'mariadb',
      status: 'creating',
      multiAz: false,
      storage: {},
      encrypted: false,
      publiclyAccessible: true,
      iamAuth: false,
      deletionProtection: false,
      role: 'standalone',
      replicaIds: [],
      replicas: [],
      statusInfos: [],
      securityGroupIds: [],
      parameterGroups: [],
      pendingModifications: {},
      tags: [],
    };
    expect(instanceCliCommand(bare)).toBe(
      [
        'aws rds create-db-instance',
        '--db-instance-identifier scratch',
        '--engine mariadb',
        '--master-user-password "$DB_MASTER_PASSWORD"',
        '--no-multi-az',
        '--publicly-accessible',
        '--no-deletion-protection',
        '--region eu-west-1',
      ].join(' \\\n  '),
    );
  });

  it('quotes tag values so that pasting the command runs nothing from them', () => {
    const command = instanceCliCommand(
      orders({
        tags: [
          { key: 'owner', value: "o'brien" },
          { key: 'note', value: '$(rm -rf ~)' },
        ],
      }),
    );
    expect(command).toContain(
      `--tags '[{"Key":"owner","Value":"o'\\''brien"},{"Key":"note","Value":"$(rm -rf ~)"}]'`,
    );
  });
});

describe('instanceCliCommand for a replica', () => {
  it('writes create-db-instance-read-replica naming the source, without what a replica inherits', () => {
    const command = instanceCliCommand(replica());
    expect(command.split(' \\\n  ').slice(0, 3)).toEqual([
      'aws rds create-db-instance-read-replica',
      '--db-instance-identifier orders-replica',
      '--source-db-instance-identifier orders',
    ]);
    for (const inherited of [
      '--engine',
      '--engine-version',
      '--allocated-storage',
      '--master-username',
      '--master-user-password',
      '--manage-master-user-password',
      '--db-name',
      '--backup-retention-period',
      '--db-subnet-group-name',
      '--storage-encrypted',
      '--source-region',
    ]) {
      expect(flags(command)).not.toContain(inherited);
    }
    // Its own settings still come along.
    expect(command).toContain('--kms-key-id arn:aws:kms:us-east-1:123456789012:key/1234abcd');
    expect(command).toContain('--availability-zone us-east-1b');
    expect(command).toContain('--no-deletion-protection');
    expect(command.endsWith('--region us-east-1')).toBe(true);
  });

  it('never mentions a password, even when the source has a master secret', () => {
    const command = instanceCliCommand(replica({ masterUserSecret: { arn: SECRET_ARN } }));
    expect(command).not.toMatch(/password/i);
    expect(command).not.toContain('secretsmanager');
  });

  it('uses the source identifier alone when only sourceId is known', () => {
    const command = instanceCliCommand(replica({ source: undefined }));
    expect(command).toContain('--source-db-instance-identifier orders');
  });

  it("names a cross-region source by its ARN and region, and runs in the replica's region", () => {
    const command = instanceCliCommand(
      replica({
        id: 'orders-eu',
        region: 'eu-west-1',
        availabilityZone: 'eu-west-1a',
        kmsKeyId: 'arn:aws:kms:eu-west-1:123456789012:key/5678efgh',
        source: { id: 'orders', region: 'us-east-1', arn: PRIMARY_ARN },
      }),
    );
    expect(command).toContain(`--source-db-instance-identifier ${PRIMARY_ARN}`);
    expect(command).toContain('--source-region us-east-1');
    expect(command).toContain('--kms-key-id arn:aws:kms:eu-west-1:123456789012:key/5678efgh');
    expect(command.endsWith('--region eu-west-1')).toBe(true);
  });

  it('makes a plain instance of a replica whose source RDS does not name', () => {
    const command = instanceCliCommand(replica({ source: undefined, sourceId: undefined }));
    expect(command.startsWith('aws rds create-db-instance \\')).toBe(true);
  });
});

describe('storage settings RDS would refuse', () => {
  it('leaves out IOPS and throughput of a small gp3 volume, which RDS rejects below 400 GiB', () => {
    const small = orders({ storage: { type: 'gp3', allocatedGiB: 20, iops: 3000, throughputMiBps: 125 } });
    const command = instanceCliCommand(small);
    expect(command).toContain('--storage-type gp3');
    expect(flags(command)).not.toContain('--iops');
    expect(flags(command)).not.toContain('--storage-throughput');
  });

  it('keeps provisioned IOPS of io1 volumes whatever their size', () => {
    const io1 = orders({ storage: { type: 'io1', allocatedGiB: 100, iops: 1000 } });
    expect(instanceCliCommand(io1)).toContain('--iops 1000');
  });
});
