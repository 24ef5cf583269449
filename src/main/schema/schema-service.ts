import type { Connection } from 'mysql2';
import { AppError } from '../../shared/errors';
import type { ProfileFields } from '../../shared/models/profile';
import type {
  DdlKind,
  SchemaCatalog,
  SchemaDatabase,
  SchemaObjects,
  TableDetail,
} from '../../shared/models/schema';
import type { ProfileConnector } from '../connect/profile-connector';
import { mapMysqlError } from '../mysql/map-error';
import { MetadataConnections } from './metadata-connections';
import { readDdl } from './read-ddl';
import { readCatalog, readDatabases, readObjects, readTable } from './schema-reader';

export interface SchemaServiceOptions {
  connector: Pick<ProfileConnector, 'connect'>;
  idleMs?: number;
}

// ER_NO_SUCH_TABLE, ER_SP_DOES_NOT_EXIST, ER_TRG_DOES_NOT_EXIST, ER_BAD_DB_ERROR: the object is gone.
const GONE_ERRNOS = new Set([1146, 1305, 1360, 1049]);

/**
 * Schema introspection per connection profile, on its own metadata connection. Answers are cached
 * per profile until `refresh` (the tree's refresh button, or after a DROP), so expanding the tree
 * again and completion in several tabs cost no round trip.
 */
export class SchemaService {
  private readonly connections: MetadataConnections;
  private readonly targets = new Map<string, ProfileFields>();
  private readonly caches = new Map<string, Map<string, Promise<unknown>>>();

  constructor(private readonly opts: SchemaServiceOptions) {
    this.connections = new MetadataConnections({ open: (id) => this.open(id), idleMs: opts.idleMs });
  }

  databases(profileId: string): Promise<SchemaDatabase[]> {
    return this.cached(profileId, 'databases', readDatabases);
  }

  objects(profileId: string, database: string): Promise<SchemaObjects> {
    return this.cached(profileId, `objects\0${database}`, (c) => readObjects(c, database));
  }

  table(profileId: string, database: string, table: string): Promise<TableDetail> {
    return this.cached(profileId, `table\0${database}\0${table}`, (c) => readTable(c, database, table));
  }

  catalog(profileId: string, database: string): Promise<SchemaCatalog> {
    return this.cached(profileId, `catalog\0${database}`, (c) => readCatalog(c, database));
  }

  /** Not cached: DDL is asked for one object at a time and should be the server's current text. */
  ddl(profileId: string, database: string, name: string, kind: DdlKind): Promise<string> {
    return this.query(profileId, (c) => readDdl(c, database, name, kind));
  }

  refresh(profileId: string): void {
    this.caches.delete(profileId);
  }

  /** Profiles whose metadata connection is open. */
  openProfiles(): string[] {
    return this.connections.openProfiles();
  }

  async dispose(): Promise<void> {
    this.caches.clear();
    await this.connections.closeAll();
  }

  private cached<T>(profileId: string, key: string, read: (conn: Connection) => Promise<T>): Promise<T> {
    let cache = this.caches.get(profileId);
    if (!cache) {
      cache = new Map();
      this.caches.set(profileId, cache);
    }
    const hit = cache.get(key) as Promise<T> | undefined;
    if (hit) return hit;
    const answer = this.query(profileId, read);
    cache.set(key, answer);
    // Errors are not remembered: the next expand asks the server again.
    const owner = cache;
    answer.catch(() => {
      if (owner.get(key) === answer) owner.delete(key);
    });
    return answer;
  }

  private async query<T>(profileId: string, read: (conn: Connection) => Promise<T>): Promise<T> {
    try {
      return await this.connections.use(profileId, read);
    } catch (err) {
      const target = this.targets.get(profileId) ?? { host: 'the server', port: 0 };
      const mapped = mapMysqlError(err, target);
      const errno = mapped.details?.errno;
      if (typeof errno === 'number' && GONE_ERRNOS.has(errno)) {
        throw new AppError('NOT_FOUND', mapped.message, mapped.details);
      }
      throw mapped;
    }
  }

  private async open(profileId: string): Promise<Connection> {
    const { conn, fields } = await this.opts.connector.connect(profileId);
    this.targets.set(profileId, fields);
    return conn;
  }
}
