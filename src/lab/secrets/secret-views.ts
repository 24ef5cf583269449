import type { StoredSecret } from './secret-model';
import { versionsToStages } from './version-stages';

const DAY_MS = 24 * 60 * 60 * 1000;

/** JSON-protocol timestamps are epoch seconds (fractions allowed). */
export function epochSeconds(iso: string): number {
  return Date.parse(iso) / 1000;
}

/** Today at 00:00 UTC: AWS reports LastAccessedDate to the day only. */
export function dayOf(date: Date): string {
  return new Date(Math.floor(date.getTime() / DAY_MS) * DAY_MS).toISOString();
}

/** The DescribeSecret response. */
export function describeView(secret: StoredSecret, region: string): Record<string, unknown> {
  return { ...commonView(secret, region), VersionIdsToStages: versionsToStages(secret) };
}

/** One SecretListEntry of ListSecrets (the same facts; the version map has another name there). */
export function listEntryView(secret: StoredSecret, region: string): Record<string, unknown> {
  return { ...commonView(secret, region), SecretVersionsToStages: versionsToStages(secret) };
}

/** When the next scheduled rotation is due, for secrets rotating every N days. */
export function nextRotationDate(secret: StoredSecret): string | undefined {
  const days = secret.rotation?.enabled ? secret.rotation.automaticallyAfterDays : undefined;
  if (days === undefined) return undefined;
  const from = Date.parse(secret.lastRotatedAt ?? secret.createdAt);
  return new Date(from + days * DAY_MS).toISOString();
}

function commonView(secret: StoredSecret, region: string): Record<string, unknown> {
  const rotation = secret.rotation;
  const next = nextRotationDate(secret);
  return {
    ARN: secret.arn,
    Name: secret.name,
    Description: secret.description,
    KmsKeyId: secret.kmsKeyId,
    RotationEnabled: rotation?.enabled,
    RotationLambdaARN: rotation?.lambdaArn,
    RotationRules: rotation && {
      AutomaticallyAfterDays: rotation.automaticallyAfterDays,
      ScheduleExpression: rotation.scheduleExpression,
      Duration: rotation.duration,
    },
    LastRotatedDate: secret.lastRotatedAt && epochSeconds(secret.lastRotatedAt),
    LastChangedDate: epochSeconds(secret.lastChangedAt),
    LastAccessedDate: secret.lastAccessedAt && epochSeconds(secret.lastAccessedAt),
    DeletedDate: secret.deletedAt && epochSeconds(secret.deletedAt),
    NextRotationDate: next && epochSeconds(next),
    Tags: secret.tags.length > 0 ? secret.tags : undefined,
    OwningService: secret.owningService,
    CreatedDate: epochSeconds(secret.createdAt),
    PrimaryRegion: region,
  };
}
