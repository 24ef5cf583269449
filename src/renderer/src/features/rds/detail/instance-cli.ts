import { provisionedStorage } from './provisioned-storage';
import type { RdsInstance } from '@shared/models/rds';

/** Quotes for POSIX shells, only when needed, so the command stays readable. */
export function shellQuote(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

type Arg = [flag: string, value?: string | number | string[]];

// Default parameter groups come with the engine; naming one only pins a version by accident.
const isCustomGroup = (name: string) => !name.startsWith('default.');

function flagsFor(i: RdsInstance, replica: boolean): Arg[] {
  const args: Arg[] = [];
  const add = (flag: string, value?: string | number | string[]) => {
    if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return;
    args.push([flag, value]);
  };
  add('--db-instance-class', i.instanceClass);
  if (!replica) {
    add('--engine', i.engine);
    add('--engine-version', i.engineVersion);
    add('--allocated-storage', i.storage.allocatedGiB);
    add('--master-username', i.masterUsername);
    // Never a password: RDS keeps one in Secrets Manager, or the user supplies their own.
    if (i.masterUserSecret) args.push(['--manage-master-user-password']);
    else add('--master-user-password', '"$DB_MASTER_PASSWORD"');
    add('--db-name', i.dbName);
    add('--backup-retention-period', i.backupRetentionDays);
    add('--db-subnet-group-name', i.subnetGroup);
  }
  add('--storage-type', i.storage.type);
  const provisioned = provisionedStorage(i);
  add('--iops', provisioned.iops);
  add('--storage-throughput', provisioned.throughputMiBps);
  add('--max-allocated-storage', i.storage.maxAllocatedGiB);
  args.push([i.multiAz ? '--multi-az' : '--no-multi-az']);
  if (!i.multiAz) add('--availability-zone', i.availabilityZone);
  args.push([i.publiclyAccessible ? '--publicly-accessible' : '--no-publicly-accessible']);
  if (i.encrypted && !replica) args.push(['--storage-encrypted']);
  if (i.encrypted) add('--kms-key-id', i.kmsKeyId);
  if (i.iamAuth) args.push(['--enable-iam-database-authentication']);
  args.push([i.deletionProtection ? '--deletion-protection' : '--no-deletion-protection']);
  add('--vpc-security-group-ids', i.securityGroupIds);
  add('--db-parameter-group-name', i.parameterGroups.find(isCustomGroup));
  add('--ca-certificate-identifier', i.caCertificate);
  add(
    '--tags',
    i.tags.map((t) => `Key=${t.key},Value=${t.value}`),
  );
  return args;
}

function render([flag, value]: Arg): string {
  if (value === undefined) return flag;
  if (Array.isArray(value)) return `${flag} ${value.map(shellQuote).join(' ')}`;
  // The password placeholder is an environment variable on purpose: leave it unquoted by us.
  if (typeof value === 'string' && value.startsWith('"$')) return `${flag} ${value}`;
  return `${flag} ${shellQuote(String(value))}`;
}

/**
 * An AWS CLI command that makes an instance with this one's settings: `create-db-instance`, or
 * `create-db-instance-read-replica` for a replica (with the source's ARN across regions).
 */
export function instanceCliCommand(i: RdsInstance): string {
  const replica = i.role === 'replica' && (i.source !== undefined || i.sourceId !== undefined);
  const head: string[] = replica
    ? ['aws rds create-db-instance-read-replica', `--db-instance-identifier ${shellQuote(i.id)}`]
    : ['aws rds create-db-instance', `--db-instance-identifier ${shellQuote(i.id)}`];
  if (replica) {
    const crossRegion = i.source && i.source.region !== i.region;
    const source = crossRegion ? (i.source?.arn ?? i.source?.id) : (i.source?.id ?? i.sourceId);
    head.push(`--source-db-instance-identifier ${shellQuote(source ?? '')}`);
    if (crossRegion && i.source) head.push(`--source-region ${i.source.region}`);
  }
  const lines = [...head, ...flagsFor(i, replica).map(render), `--region ${i.region}`];
  return lines.join(' \\\n  ');
}
