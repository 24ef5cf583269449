import type { SchemaCatalog } from '@shared/models/schema';
import type { ApiClient } from '@renderer/api/client';
import type { CatalogLookup } from './sql-completion-items';

interface ProfileCache {
  databases?: Promise<string[]>;
  catalogs: Map<string, Promise<SchemaCatalog | undefined>>;
}

/**
 * Catalogs for completion, fetched with schema.catalog once per profile and database and kept until
 * `invalidate` (the tree's refresh, a DROP). A database that fails to load completes without names.
 */
export class CompletionSource {
  private readonly profiles = new Map<string, ProfileCache>();

  constructor(private readonly api: Pick<ApiClient, 'call'>) {}

  async lookup(profileId: string, defaultDatabase: string | null, needed: string[]): Promise<CatalogLookup> {
    const cache = this.cacheFor(profileId);
    cache.databases ??= this.api
      .call('schema.databases', { profileId })
      .then((r) => r.databases.map((d) => d.name))
      .catch(() => {
        cache.databases = undefined;
        return [];
      });
    const databases = await cache.databases;
    const loaded = new Map<string, SchemaCatalog>();
    await Promise.all(
      needed.map(async (db) => {
        const catalog = await this.catalog(cache, profileId, db);
        if (catalog) loaded.set(db, catalog);
      }),
    );
    return { defaultDatabase, databases, catalog: (db) => loaded.get(db) };
  }

  invalidate(profileId: string): void {
    this.profiles.delete(profileId);
  }

  private catalog(
    cache: ProfileCache,
    profileId: string,
    database: string,
  ): Promise<SchemaCatalog | undefined> {
    let pending = cache.catalogs.get(database);
    if (!pending) {
      pending = this.api.call('schema.catalog', { profileId, database }).catch(() => {
        // Not remembered: a database typed halfway (`FROM sho.`) must not block the real one later.
        cache.catalogs.delete(database);
        return undefined;
      });
      cache.catalogs.set(database, pending);
    }
    return pending;
  }

  private cacheFor(profileId: string): ProfileCache {
    let cache = this.profiles.get(profileId);
    if (!cache) {
      cache = { catalogs: new Map() };
      this.profiles.set(profileId, cache);
    }
    return cache;
  }
}

const sources = new WeakMap<object, CompletionSource>();

/** One source per API client, shared by every tab (and so cached per profile across tabs). */
export function completionSourceFor(api: Pick<ApiClient, 'call'>): CompletionSource {
  let source = sources.get(api);
  if (!source) {
    source = new CompletionSource(api);
    sources.set(api, source);
  }
  return source;
}
