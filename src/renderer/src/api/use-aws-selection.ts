import type { AwsProfile, AwsProfileList, AwsRegion } from '@shared/models/aws';
import type { ApiError } from '@renderer/api/api-error';
import { useAwsProfiles, useAwsRegions } from '@renderer/api/use-aws';
import { useAwsSelectionStore } from '@renderer/stores/aws-selection-store';

export interface AwsSelection {
  list: AwsProfileList | undefined;
  listError: ApiError | null;
  /** The chosen profile: the user's pick while it still exists, else the app's default. */
  profile: AwsProfile | undefined;
  /** The chosen regions: the user's pick for this profile, else the profile's own region. */
  regions: string[];
  regionOptions: AwsRegion[];
  setProfile: (name: string) => void;
  setRegions: (regions: string[]) => void;
}

/** The AWS profile and regions in effect, shared by the sidebar and the RDS tab. */
export function useAwsSelection(): AwsSelection {
  const profiles = useAwsProfiles();
  const picked = useAwsSelectionStore((s) => s.profile);
  const regionsByProfile = useAwsSelectionStore((s) => s.regionsByProfile);
  const setProfile = useAwsSelectionStore((s) => s.setProfile);
  const storeRegions = useAwsSelectionStore((s) => s.setRegions);
  const list = profiles.data;
  const all = list?.profiles ?? [];
  // A profile removed from the files since it was picked falls back to the default.
  const profile = all.find((p) => p.name === picked) ?? all.find((p) => p.name === list?.defaultProfile);
  const regionList = useAwsRegions(profile?.name ?? null).data;
  const regions = (profile && regionsByProfile[profile.name]) ?? regionList?.preselected ?? [];

  return {
    list,
    listError: profiles.error as ApiError | null,
    profile,
    regions,
    regionOptions: regionList?.regions ?? [],
    setProfile,
    setRegions: (next) => profile && storeRegions(profile.name, next),
  };
}
