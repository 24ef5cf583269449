import type { Handlers } from '../../shared/rpc';
import type { SchemaService } from '../schema/schema-service';

export function schemaHandlers(
  schema: SchemaService,
): Pick<
  Handlers,
  'schema.databases' | 'schema.objects' | 'schema.table' | 'schema.ddl' | 'schema.catalog' | 'schema.refresh'
> {
  return {
    'schema.databases': async (req) => ({ databases: await schema.databases(req.profileId) }),
    'schema.objects': (req) => schema.objects(req.profileId, req.database),
    'schema.table': (req) => schema.table(req.profileId, req.database, req.table),
    'schema.ddl': async (req) => ({
      ddl: await schema.ddl(req.profileId, req.database, req.name, req.kind),
    }),
    'schema.catalog': (req) => schema.catalog(req.profileId, req.database),
    'schema.refresh': (req) => {
      schema.refresh(req.profileId);
      return { refreshed: true };
    },
  };
}
