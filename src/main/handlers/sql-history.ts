import type { Handlers } from '../../shared/rpc';
import type { HistoryStore } from '../sql-history/history-store';
import type { SavedQueryStore } from '../sql-history/saved-query-store';

export function sqlHistoryHandlers(
  history: HistoryStore,
  saved: SavedQueryStore,
): Pick<
  Handlers,
  'sql.history.list' | 'sql.history.clear' | 'sql.saved.list' | 'sql.saved.save' | 'sql.saved.delete'
> {
  return {
    'sql.history.list': (req) => history.list(req.profileId, req),
    'sql.history.clear': async (req) => ({ cleared: await history.clear(req.profileId) }),
    'sql.saved.list': (req) => saved.list(req.profileId),
    'sql.saved.save': (req) => saved.save(req),
    'sql.saved.delete': async (req) => ({ deleted: await saved.delete(req.id) }),
  };
}
