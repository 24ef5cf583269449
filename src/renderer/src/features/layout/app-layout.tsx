import { AppShell } from '@mantine/core';
import { LabStatusBar } from '@renderer/features/lab/lab-status-bar';
import { ConnectionsSidebar } from '@renderer/features/profiles/connections-sidebar';
import { ProfileFormModal } from '@renderer/features/profiles/profile-form-modal';
import { AppHeader } from './app-header';
import { MainArea } from './main-area';
import { useReadySignal } from './use-ready-signal';

export function AppLayout() {
  useReadySignal();
  return (
    <AppShell
      header={{ height: 40 }}
      footer={{ height: 26 }}
      navbar={{ width: 260, breakpoint: 0 }}
      padding={0}
    >
      <AppShell.Header>
        <AppHeader />
      </AppShell.Header>
      <AppShell.Navbar>
        <ConnectionsSidebar />
      </AppShell.Navbar>
      <AppShell.Main style={{ height: 'calc(100dvh - 26px)', display: 'flex', flexDirection: 'column' }}>
        <MainArea />
      </AppShell.Main>
      <AppShell.Footer>
        <LabStatusBar />
      </AppShell.Footer>
      <ProfileFormModal />
    </AppShell>
  );
}
