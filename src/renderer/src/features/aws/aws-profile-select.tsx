import { Badge, Group, Select, Text } from '@mantine/core';
import type { AwsProfile } from '@shared/models/aws';
import { ProfileKindBadge } from './profile-kind-badge';

interface AwsProfileSelectProps {
  profiles: AwsProfile[];
  value: string | undefined;
  onChange: (name: string) => void;
}

/** The AWS profile picker: the lab first (the catalog's order), each option with its kind. */
export function AwsProfileSelect({ profiles, value, onChange }: AwsProfileSelectProps) {
  const byName = new Map(profiles.map((p) => [p.name, p]));
  return (
    <Select
      size="xs"
      aria-label="AWS profile"
      data={profiles.map((p) => ({ value: p.name, label: p.label }))}
      value={value ?? null}
      onChange={(next) => next && onChange(next)}
      allowDeselect={false}
      searchable={profiles.length > 8}
      nothingFoundMessage="No such profile"
      comboboxProps={{ width: 300, position: 'bottom-start' }}
      renderOption={({ option }) => {
        const profile = byName.get(option.value);
        return (
          <Group gap={6} wrap="nowrap" w="100%" data-testid="aws-profile-option" data-profile={option.value}>
            <Text size="sm" truncate style={{ flex: 1 }}>
              {option.label}
            </Text>
            {profile?.mfaSerial && (
              <Badge size="xs" variant="outline" color="gray" tt="none">
                MFA
              </Badge>
            )}
            {profile && <ProfileKindBadge profile={profile} />}
          </Group>
        );
      }}
      data-testid="aws-profile-select"
    />
  );
}
