import { pageOf } from './paging';
import { parseInput } from './request-validation';
import { listSecretsInput } from './request-schemas';
import { matchesFilters } from './secret-filters';
import type { StoredSecret } from './secret-model';
import { listEntryView } from './secret-views';
import type { SecretsAction } from './secrets-context';

const DEFAULT_MAX_RESULTS = 100;

type SortBy = 'created-date' | 'last-accessed-date' | 'last-changed-date' | 'name';

/** ListSecrets: filters, IncludePlannedDeletion, SortBy/SortOrder, MaxResults/NextToken paging. */
export const listSecrets: SecretsAction = async (ctx, raw) => {
  const input = parseInput(listSecretsInput, raw);
  const sortBy: SortBy = input.SortBy ?? 'created-date';
  return ctx.store.read((secrets) => {
    const visible = secrets.filter(
      (secret) =>
        (input.IncludePlannedDeletion === true || secret.deletedAt === undefined) &&
        matchesFilters(secret, input.Filters ?? [], ctx.region),
    );
    const page = pageOf(visible, (secret) => [sortKey(secret, sortBy), secret.arn], {
      maxResults: input.MaxResults ?? DEFAULT_MAX_RESULTS,
      nextToken: input.NextToken,
      descending: input.SortOrder === 'desc',
    });
    return {
      SecretList: page.items.map((secret) => listEntryView(secret, ctx.region)),
      NextToken: page.nextToken,
    };
  });
};

function sortKey(secret: StoredSecret, sortBy: SortBy): string {
  switch (sortBy) {
    case 'created-date':
      return secret.createdAt;
    case 'last-accessed-date':
      return secret.lastAccessedAt ?? '';
    case 'last-changed-date':
      return secret.lastChangedAt;
    case 'name':
      return secret.name;
  }
}
