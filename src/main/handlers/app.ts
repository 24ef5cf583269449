import type { AppInfo } from '../../shared/models/app';
import type { Handlers } from '../../shared/rpc';

export function appHandlers(info: AppInfo): Pick<Handlers, 'app.info'> {
  return { 'app.info': () => info };
}
