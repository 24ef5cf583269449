import { create } from 'zustand';
import type { ConnectionProfile } from '@shared/models/profile';

export type ProfilePrefill = Partial<Pick<ConnectionProfile, 'name' | 'host' | 'port' | 'user'>>;

interface ProfileEditorState {
  opened: boolean;
  /** The profile being edited, or null for a new one. */
  editing: ConnectionProfile | null;
  /** Open a SQL tab on the profile once saved (Connect on an instance that needs a password). */
  openTabAfterSave: boolean;
  /** Changes on every open so the form starts fresh even when reopened for the same profile. */
  openCount: number;
  /** Values a new profile starts from (a discovered replication peer's address). */
  prefill: ProfilePrefill | null;
  openNew: () => void;
  openNewWith: (prefill: ProfilePrefill) => void;
  openEdit: (profile: ConnectionProfile, opts?: { openTabAfterSave?: boolean }) => void;
  close: () => void;
}

/** The profile form is opened from the sidebar, the empty state and RDS Connect, so its state lives here. */
export const useProfileEditor = create<ProfileEditorState>((set) => ({
  opened: false,
  editing: null,
  openTabAfterSave: false,
  openCount: 0,
  prefill: null,
  openNew: () =>
    set((s) => ({
      opened: true,
      editing: null,
      openTabAfterSave: false,
      prefill: null,
      openCount: s.openCount + 1,
    })),
  openNewWith: (prefill) =>
    set((s) => ({
      opened: true,
      editing: null,
      openTabAfterSave: false,
      prefill,
      openCount: s.openCount + 1,
    })),
  openEdit: (profile, opts) =>
    set((s) => ({
      opened: true,
      editing: profile,
      prefill: null,
      openTabAfterSave: opts?.openTabAfterSave ?? false,
      openCount: s.openCount + 1,
    })),
  close: () => set({ opened: false }),
}));
