import { SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import type { RdsInstance } from '@shared/models/rds';
import type { ActionErrors, ActionValues, Placement } from './action-values';

interface ReplicaFieldsProps {
  source: RdsInstance;
  values: ActionValues;
  errors: ActionErrors;
  set: <K extends keyof ActionValues>(key: K, value: ActionValues[K]) => void;
  /** Other regions of the profile, for a cross-region replica. */
  regions: string[];
}

/** Identifier, class and placement of a new read replica. */
export function ReplicaFields({ source, values, errors, set, regions }: ReplicaFieldsProps) {
  const others = regions.filter((r) => r !== source.region);
  return (
    <Stack gap="sm">
      <TextInput
        label="Replica identifier"
        withAsterisk
        value={values.replicaId}
        onChange={(e) => set('replicaId', e.currentTarget.value)}
        error={errors.replicaId}
        spellCheck={false}
        data-autofocus
        data-testid="replica-id"
      />
      <TextInput
        label="Instance class"
        description="Empty: the same as the source"
        placeholder={source.instanceClass}
        value={values.instanceClass}
        onChange={(e) => set('instanceClass', e.currentTarget.value.trim())}
        error={errors.instanceClass}
        spellCheck={false}
        data-testid="replica-class"
      />
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          Placement
        </Text>
        <SegmentedControl
          size="xs"
          value={values.placement}
          onChange={(v) => set('placement', v as Placement)}
          data={[
            { value: 'default', label: 'Any zone' },
            { value: 'az', label: 'Availability zone' },
            { value: 'region', label: 'Another region', disabled: others.length === 0 },
          ]}
          data-testid="replica-placement"
        />
        {values.placement === 'az' && (
          <TextInput
            aria-label="Availability zone"
            placeholder={`e.g. ${source.region}b`}
            value={values.availabilityZone}
            onChange={(e) => set('availabilityZone', e.currentTarget.value.trim())}
            error={errors.availabilityZone}
            data-testid="replica-az"
          />
        )}
        {values.placement === 'region' && (
          <Select
            aria-label="Target region"
            placeholder="Region"
            data={others}
            value={values.targetRegion || null}
            onChange={(r) => set('targetRegion', r ?? '')}
            error={errors.targetRegion}
            searchable
            data-testid="replica-region"
          />
        )}
      </Stack>
    </Stack>
  );
}
