import { provisionedStorage } from './provisioned-storage';
import type { RdsInstance } from '@shared/models/rds';
import { cliListOption, cliOption } from '@shared/shell-quote';

// The one word the shell must expand: the password comes from the user's environment. An object,
// so that no value a server sends can ever be mistaken for it.
const PASSWORD_FROM_ENV = { shell: '"$DB_MASTER_PASSWORD"' } as const;

type Arg = [flag: string, value?: string | number | string[] | typeof PASSWORD_FROM_ENV];

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
    else args.push(['--master-user-password', PASSWORD_FROM_ENV]);
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
  // JSON, not the `Key=..,Value=..` shorthand, whose parser would split a value at `,` or `=`.
  if (i.tags.length > 0)
    args.push(['--tags', JSON.stringify(i.tags.map((t) => ({ Key: t.key, Value: t.value })))]);
  return args;
}

function render([flag, value]: Arg): string {
  if (value === undefined) return flag;
  if (Array.isArray(value)) return cliListOption(flag, value);
  if (typeof value === 'object') return `${flag} ${value.shell}`;
  return cliOption(flag, value);
}

/**
 * An AWS CLI command that makes an instance with this one's settings: `create-db-instance`, or
 * `create-db-instance-read-replica` for a replica (with the source's ARN across regions).
 */
export function instanceCliCommand(i: RdsInstance): string {
  const replica = i.role === 'replica' && (i.source !== undefined || i.sourceId !== undefined);
  const head: string[] = replica
    ? ['aws rds create-db-instance-read-replica', cliOption('--db-instance-identifier', i.id)]
    : ['aws rds create-db-instance', cliOption('--db-instance-identifier', i.id)];
  if (replica) {
    const crossRegion = i.source && i.source.region !== i.region;
    const source = crossRegion ? (i.source?.arn ?? i.source?.id) : (i.source?.id ?? i.sourceId);
    head.push(cliOption('--source-db-instance-identifier', source ?? ''));
    if (crossRegion && i.source) head.push(cliOption('--source-region', i.source.region));
  }
  const lines = [...head, ...flagsFor(i, replica).map(render), cliOption('--region', i.region)];
  return lines.join(' \\\n  ');
}
