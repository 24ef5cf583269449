import {
  ListSecretsCommand,
  type SecretListEntry,
  type SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import type { SecretSummary } from '../../shared/models/aws';
import { parseArn, rdsRef } from './arn';
import { collectPages } from './paging';
import { iso, prune, toTags } from './rds-mappers';

export type SecretsSender = Pick<SecretsManagerClient, 'send'>;

// Tags RDS puts on the master user secrets it manages.
const RDS_INSTANCE_TAG = 'aws:rds:primaryDBInstanceArn';
const RDS_CLUSTER_TAG = 'aws:rds:primaryDBClusterArn';

/** Every secret of a region (metadata only: ListSecrets returns no values). */
export async function listSecrets(client: SecretsSender, region: string): Promise<SecretSummary[]> {
  const entries = await collectPages(async (NextToken) => {
    const page = await client.send(new ListSecretsCommand({ MaxResults: 100, NextToken }));
    return { items: page.SecretList, next: page.NextToken };
  });
  return entries.map((entry) => toSecretSummary(entry, region)).sort((a, b) => a.name.localeCompare(b.name));
}

/** ListSecrets' SecretListEntry → SecretSummary, with the owning RDS instance read from its tags. */
export function toSecretSummary(entry: SecretListEntry, region: string): SecretSummary {
  const tags = toTags(entry.Tags);
  const arn = entry.ARN ?? '';
  const secretRegion = parseArn(arn)?.region || region;
  return prune({
    name: entry.Name ?? '',
    arn,
    region: secretRegion,
    description: entry.Description,
    createdAt: iso(entry.CreatedDate),
    lastChangedAt: iso(entry.LastChangedDate),
    lastRotatedAt: iso(entry.LastRotatedDate),
    lastAccessedAt: iso(entry.LastAccessedDate),
    nextRotationAt: iso(entry.NextRotationDate),
    rotationEnabled: entry.RotationEnabled ?? false,
    owningService: entry.OwningService,
    rdsOwner: rdsOwner(tags, secretRegion),
    tags,
  });
}

function rdsOwner(tags: { key: string; value: string }[], region: string): SecretSummary['rdsOwner'] {
  const instance = tags.find((t) => t.key === RDS_INSTANCE_TAG)?.value;
  if (instance) return { kind: 'instance', ...rdsRef(instance, region) };
  const cluster = tags.find((t) => t.key === RDS_CLUSTER_TAG)?.value;
  return cluster ? { kind: 'cluster', ...rdsRef(cluster, region) } : undefined;
}
