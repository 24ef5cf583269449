import { create } from 'zustand';
import type { ConnectionProfile } from '@shared/models/profile';

interface ProfileEditorState {
  opened: boolean;
  /** The profile being edited, or null for a new one. */
  editing: ConnectionProfile | null;
  /** Changes on every open so the form starts fresh even when reopened for the same profile. */
  openCount: number;
  openNew: () => void;
  openEdit: (profile: ConnectionProfile) => void;
  close: () => void;
}

/** The profile form is opened from the sidebar and from the empty state, so its state lives here. */
export const useProfileEditor = create<ProfileEditorState>((set) => ({
  opened: false,
  editing: null,
  openCount: 0,
  openNew: () => set((s) => ({ opened: true, editing: null, openCount: s.openCount + 1 })),
  openEdit: (profile) => set((s) => ({ opened: true, editing: profile, openCount: s.openCount + 1 })),
  close: () => set({ opened: false }),
}));
