import type { StoredSecret } from './secret-model';

export interface SecretFilter {
  Key?: 'description' | 'name' | 'tag-key' | 'tag-value' | 'primary-region' | 'owning-service' | 'all';
  Values?: string[];
}

/**
 * ListSecrets filters as the API reference describes them: every filter must match (AND); within one
 * filter any value may match (OR), and a value starting with `!` must not match. Matching is by prefix;
 * case-sensitive except for `description` and `all`; `all` splits the value into words and looks for
 * each in every attribute (and in the words of every attribute, so `db` finds `prod/db/creds`).
 */
export function matchesFilters(
  secret: StoredSecret,
  filters: readonly SecretFilter[],
  region: string,
): boolean {
  return filters.every((filter) => matchesFilter(secret, filter, region));
}

function matchesFilter(secret: StoredSecret, filter: SecretFilter, region: string): boolean {
  const values = filter.Values ?? [];
  const positive = values.filter((value) => !value.startsWith('!'));
  const negative = values.filter((value) => value.startsWith('!')).map((value) => value.slice(1));
  const matches = (value: string): boolean => matchesValue(secret, filter.Key ?? 'all', value, region);
  if (negative.some(matches)) return false;
  return positive.length === 0 || positive.some(matches);
}

function matchesValue(
  secret: StoredSecret,
  key: NonNullable<SecretFilter['Key']>,
  value: string,
  region: string,
): boolean {
  switch (key) {
    case 'name':
      return secret.name.startsWith(value);
    case 'description':
      return (secret.description ?? '').toLowerCase().startsWith(value.toLowerCase());
    case 'tag-key':
      return secret.tags.some((tag) => tag.Key.startsWith(value));
    case 'tag-value':
      return secret.tags.some((tag) => tag.Value.startsWith(value));
    case 'primary-region':
      return region.startsWith(value);
    case 'owning-service':
      return (secret.owningService ?? '').startsWith(value);
    case 'all':
      return matchesAll(secret, value, region);
  }
}

function matchesAll(secret: StoredSecret, value: string, region: string): boolean {
  const attributes = [
    secret.name,
    secret.description ?? '',
    secret.owningService ?? '',
    region,
    ...secret.tags.flatMap((tag) => [tag.Key, tag.Value]),
  ].map((attribute) => attribute.toLowerCase());
  const candidates = attributes.flatMap((attribute) => [attribute, ...attribute.split(/[^a-z0-9]+/)]);
  const words = value
    .toLowerCase()
    .split(/\s+/)
    .filter((word) => word !== '');
  return words.every((word) => candidates.some((candidate) => candidate.startsWith(word)));
}
