import { LabError } from '../lab-error';
import type { SecretValue, StoredSecret, StoredVersion } from './secret-model';

export const AWSCURRENT = 'AWSCURRENT';
export const AWSPREVIOUS = 'AWSPREVIOUS';
export const AWSPENDING = 'AWSPENDING';

// AWS keeps about 100 versions; unlabeled ones beyond that are removed oldest first.
const MAX_VERSIONS = 100;

/**
 * Attaches `stage` to a version, taking it from whichever version had it. When AWSCURRENT moves, the
 * version that loses it becomes AWSPREVIOUS (and AWSPREVIOUS leaves its former holder), as AWS does.
 */
export function attachStage(secret: StoredSecret, stage: string, versionId: string): void {
  const target = secret.versions.find((version) => version.versionId === versionId);
  if (!target) throw versionNotFound(versionId);
  const holder = secret.versions.find((version) => version.stages.includes(stage));
  if (holder === target) return;
  if (holder) holder.stages = holder.stages.filter((label) => label !== stage);
  if (stage === AWSCURRENT && holder) {
    for (const version of secret.versions) {
      version.stages = version.stages.filter((label) => label !== AWSPREVIOUS);
    }
    holder.stages.push(AWSPREVIOUS);
  }
  target.stages.push(stage);
}

export function detachStage(secret: StoredSecret, stage: string, versionId: string): void {
  const version = secret.versions.find((candidate) => candidate.versionId === versionId);
  if (!version) throw versionNotFound(versionId);
  version.stages = version.stages.filter((label) => label !== stage);
}

/** Adds a version and moves each of `stages` onto it. */
export function addVersion(
  secret: StoredSecret,
  versionId: string,
  value: SecretValue,
  stages: readonly string[],
  createdAt: string,
): StoredVersion {
  const version: StoredVersion = { versionId, ...value, stages: [], createdAt };
  secret.versions.push(version);
  for (const stage of stages) attachStage(secret, stage, versionId);
  pruneVersions(secret);
  return version;
}

/** The version asked for by id and/or stage (AWSCURRENT when neither is given). */
export function findVersion(
  secret: StoredSecret,
  versionId: string | undefined,
  versionStage: string | undefined,
): StoredVersion {
  const stage = versionId === undefined && versionStage === undefined ? AWSCURRENT : versionStage;
  const version = secret.versions.find(
    (candidate) =>
      (versionId === undefined || candidate.versionId === versionId) &&
      (stage === undefined || candidate.stages.includes(stage)),
  );
  if (version) return version;
  const what = versionId !== undefined ? `VersionId: ${versionId}` : `staging label: ${stage}`;
  throw new LabError(
    'ResourceNotFoundException',
    `Secrets Manager can't find the specified secret value for ${what}`,
  );
}

/** Labeled versions only: AWS treats versions without labels as deprecated and does not list them. */
export function versionsToStages(secret: StoredSecret): Record<string, string[]> {
  const map: Record<string, string[]> = {};
  for (const version of secret.versions) {
    if (version.stages.length > 0) map[version.versionId] = [...version.stages];
  }
  return map;
}

export function sameValue(version: StoredVersion, value: SecretValue): boolean {
  return version.secretString === value.secretString && version.secretBinary === value.secretBinary;
}

function pruneVersions(secret: StoredSecret): void {
  while (secret.versions.length > MAX_VERSIONS) {
    const oldest = secret.versions.findIndex((version) => version.stages.length === 0);
    if (oldest < 0) return;
    secret.versions.splice(oldest, 1);
  }
}

function versionNotFound(versionId: string): LabError {
  return new LabError(
    'ResourceNotFoundException',
    `Secrets Manager can't find the specified secret version: ${versionId}`,
  );
}
