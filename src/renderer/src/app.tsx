import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiProvider } from './api/api-provider';
import type { ApiClient } from './api/client';
import { AppLayout } from './features/layout/app-layout';
import { TransportGate } from './features/layout/transport-gate';
import { theme } from './theme/theme';

function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      // Data comes from our own main process: no point refetching on focus; one retry covers a reconnect.
      queries: { retry: 1, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
}

export function App({ client }: { client: ApiClient }) {
  const [queryClient] = useState(createQueryClient);
  return (
    // `auto` follows the OS light/dark setting, live.
    <MantineProvider theme={theme} defaultColorScheme="auto">
      {/* Top right: the bottom edge holds the results status line. */}
      <Notifications position="top-right" limit={3} />
      <ApiProvider client={client}>
        <QueryClientProvider client={queryClient}>
          <TransportGate>
            <AppLayout />
          </TransportGate>
        </QueryClientProvider>
      </ApiProvider>
    </MantineProvider>
  );
}
