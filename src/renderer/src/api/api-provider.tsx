import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react';
import type { ApiClient } from './client';
import type { TransportStatus } from './transport';

const ApiContext = createContext<ApiClient | null>(null);

export function ApiProvider({ client, children }: { client: ApiClient; children: ReactNode }) {
  return <ApiContext.Provider value={client}>{children}</ApiContext.Provider>;
}

/** The API client; fails loudly when a component is rendered outside <ApiProvider>. */
export function useApi(): ApiClient {
  const client = useContext(ApiContext);
  if (!client) throw new Error('useApi() must be used inside <ApiProvider>');
  return client;
}

/** Re-renders when the transport connects, drops or is refused. */
export function useTransportStatus(): TransportStatus {
  const { transport } = useApi();
  return useSyncExternalStore(transport.subscribeStatus, transport.getStatus);
}
