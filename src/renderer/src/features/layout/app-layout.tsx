import { AppShell } from '@mantine/core';
import { MfaDialog } from '@renderer/features/aws/mfa-dialog';
import { LabStatusBar } from '@renderer/features/lab/lab-status-bar';
import { ProfileFormModal } from '@renderer/features/profiles/profile-form-modal';
import { AppHeader } from './app-header';
import { MainArea } from './main-area';
import { Sidebar } from './sidebar';
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
        <Sidebar />
      </AppShell.Navbar>
      <AppShell.Main style={{ height: 'calc(100dvh - 26px)', display: 'flex', flexDirection: 'column' }}>
        <MainArea />
      </AppShell.Main>
      <AppShell.Footer>
        <LabStatusBar />
      </AppShell.Footer>
      <ProfileFormModal />
      <MfaDialog />
    </AppShell>
  );
}
