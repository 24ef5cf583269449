import type { RdsInstance, RdsStatusInfo } from '../../../src/shared/models/rds';

// Shared by the renderer-rds-* tests, so it stays free of DOM and Node APIs: both the web and the
// node tsconfig check it.

/**
 * An instance RDS reports little about: the lab's MariaDB `myrdslab` in us-east-1, available,
 * standalone, with every list empty and every flag off. Tests set what they are about.
 */
export function rdsInstance(overrides: Partial<RdsInstance> = {}): RdsInstance {
  return {
    id: 'myrdslab',
    region: 'us-east-1',
    engine: 'mariadb',
    status: 'available',
    multiAz: false,
    storage: {},
    encrypted: false,
    publiclyAccessible: false,
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
    ...overrides,
  };
}

/** A read-replication entry of StatusInfos, as RDS reports it on a replica. */
export const replicationInfo = (status: string, normal: boolean): RdsStatusInfo => ({
  type: 'read replication',
  status,
  normal,
});

export const PRIMARY_ARN = 'arn:aws:rds:us-east-1:123456789012:db:orders';
export const SECRET_ARN = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:rds!db-0a1b2c3d-AbCdEf';

/**
 * A production-like MySQL primary as the mappers build it: gp3 at 400 GiB (so its IOPS and
 * throughput are ones RDS accepts back), encrypted, IAM auth, custom parameter groups, tags.
 */
export function ordersPrimary(overrides: Partial<RdsInstance> = {}): RdsInstance {
  return rdsInstance({
    id: 'orders',
    arn: PRIMARY_ARN,
    engine: 'mysql',
    engineVersion: '8.0.35',
    instanceClass: 'db.m5.large',
    availabilityZone: 'us-east-1a',
    endpoint: { address: 'orders.abcdefghijkl.us-east-1.rds.amazonaws.com', port: 3306 },
    storage: { type: 'gp3', allocatedGiB: 400, maxAllocatedGiB: 1000, iops: 12000, throughputMiBps: 500 },
    backupRetentionDays: 7,
    encrypted: true,
    kmsKeyId: 'arn:aws:kms:us-east-1:123456789012:key/1234abcd',
    iamAuth: true,
    deletionProtection: true,
    role: 'primary',
    masterUsername: 'admin',
    dbName: 'shop',
    caCertificate: 'rds-ca-rsa2048-g1',
    subnetGroup: 'orders-db',
    securityGroupIds: ['sg-0123', 'sg-0456'],
    parameterGroups: ['default.mysql8.0', 'orders-mysql8'],
    tags: [
      { key: 'team', value: 'data platform' },
      { key: 'env', value: 'prod' },
    ],
    ...overrides,
  });
}
