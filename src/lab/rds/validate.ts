import type { Engine, Tag } from './model';
import { invalidParameterValue } from './errors';
import type { QueryParams } from './query-params';

// RDS's own rules and messages; identifiers are case-insensitive and stored in lowercase, as RDS does.
const IDENTIFIER = /^[a-z](?!.*--)[a-z0-9-]{0,62}$/;

export function identifier(value: string, parameter: string): string {
  const lower = value.toLowerCase();
  if (!IDENTIFIER.test(lower) || lower.endsWith('-')) {
    throw invalidParameterValue(
      `The parameter ${parameter} is not a valid identifier. Identifiers must begin with a letter; must contain only ASCII letters, digits, and hyphens; and must not end with a hyphen or contain two consecutive hyphens.`,
    );
  }
  return lower;
}

/** An instance identifier or its ARN (`arn:aws:rds:REGION:ACCOUNT:db:ID`), as RDS accepts both. */
export function instanceIdentifier(value: string, parameter: string): string {
  const arn = /^arn:aws[\w-]*:rds:[\w-]+:\d{12}:db:(.+)$/.exec(value);
  return identifier(arn?.[1] ?? value, parameter);
}

export function engine(value: string): Engine {
  const lower = value.toLowerCase();
  if (lower === 'mysql' || lower === 'mariadb') return lower;
  throw invalidParameterValue(`Invalid DB engine: ${value}. The local lab runs mysql and mariadb.`);
}

export function instanceClass(value: string): string {
  if (/^db\.[a-z0-9]+\.[a-z0-9]+$/.test(value)) return value;
  throw invalidParameterValue(`Invalid DB Instance class: ${value}`);
}

const RESERVED_USERS = new Set([
  'rdsadmin',
  'rdsrepladmin',
  'root',
  'mariadb.sys',
  'mysql.sys',
  'rdslab_import',
]);

export function masterUsername(value: string): string {
  if (!/^[A-Za-z][A-Za-z0-9_]{0,31}$/.test(value)) {
    throw invalidParameterValue(
      'The parameter MasterUsername is not a valid user name. It must be 1 to 32 letters, digits or underscores and begin with a letter.',
    );
  }
  if (RESERVED_USERS.has(value.toLowerCase())) {
    throw invalidParameterValue(
      `MasterUsername ${value} cannot be used as it is a reserved word used by the engine`,
    );
  }
  return value;
}

export function masterPassword(value: string): string {
  if (value.length < 8 || value.length > 41) {
    throw invalidParameterValue(
      'The parameter MasterUserPassword is not a valid password because it is shorter than 8 characters or longer than 41.',
    );
  }
  if (!/^[\x21-\x7e]+$/.test(value) || /[/@"]/.test(value)) {
    throw invalidParameterValue(
      `The parameter MasterUserPassword is not a valid password. Only printable ASCII characters besides '/', '@', '"', ' ' may be used.`,
    );
  }
  return value;
}

export function dbName(value: string): string {
  if (/^[A-Za-z][A-Za-z0-9_]{0,63}$/.test(value)) return value;
  throw invalidParameterValue(
    'The parameter DBName is not a valid database name. It must begin with a letter and contain only letters, digits and underscores (at most 64).',
  );
}

const STORAGE_TYPES = new Set(['gp2', 'gp3', 'io1', 'io2', 'standard']);

export function storageType(value: string): string {
  if (STORAGE_TYPES.has(value)) return value;
  throw invalidParameterValue(`Invalid storage type: ${value}`);
}

export function availabilityZone(value: string, region: string): string {
  if (new RegExp(`^${region}[a-f]$`).test(value)) return value;
  throw invalidParameterValue(
    `Invalid availability zone: ${value} (the lab's zones are ${region}a to ${region}f)`,
  );
}

export function tags(params: QueryParams): Tag[] {
  return params
    .structs('Tags', 'Tag')
    .map((tag) => ({ Key: tag.requiredString('Key'), Value: tag.string('Value') ?? '' }));
}

/** Port 1150-65535 as RDS allows; 3306 and friends are fine if free, which the endpoint bind checks. */
export function port(params: QueryParams): number | undefined {
  return params.int('Port', { min: 1150, max: 65535 });
}
