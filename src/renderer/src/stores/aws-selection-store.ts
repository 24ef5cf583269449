import { create } from 'zustand';

interface AwsSelectionState {
  /** The profile picked by the user; null until they pick one (the app's default applies). */
  profile: string | null;
  /** Regions picked per profile, so switching back and forth keeps each profile's choice. */
  regionsByProfile: Record<string, string[]>;
  setProfile: (profile: string) => void;
  setRegions: (profile: string, regions: string[]) => void;
}

/** The AWS profile and regions chosen in the sidebar; the RDS tab follows them. */
export const useAwsSelectionStore = create<AwsSelectionState>((set) => ({
  profile: null,
  regionsByProfile: {},
  setProfile: (profile) => set({ profile }),
  setRegions: (profile, regions) =>
    set((s) => ({ regionsByProfile: { ...s.regionsByProfile, [profile]: regions } })),
}));
