import {
  Alert,
  Button,
  Checkbox,
  Divider,
  Group,
  Modal,
  NumberInput,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { toApiError } from '@renderer/api/api-error';
import { AwsErrorAlert } from '@renderer/components/aws-error-alert';
import { useCreateTable } from '../use-table-admin';
import { emptyCreateForm, toDefinition, type CreateTableForm } from './create-table-form';
import { IndexInputs } from './index-inputs';
import { KeyField } from './key-input';
import type { TableRef } from './table-list';

interface CreateTableDialogProps {
  profile: string;
  regions: string[];
  onClose: () => void;
  onCreated: (ref: TableRef) => void;
}

const STREAMS = [
  { value: 'off', label: 'Off' },
  { value: 'KEYS_ONLY', label: 'Keys only' },
  { value: 'NEW_IMAGE', label: 'New image' },
  { value: 'OLD_IMAGE', label: 'Old image' },
  { value: 'NEW_AND_OLD_IMAGES', label: 'New and old images' },
];

/** A new table: keys with their types, billing mode and capacity, optional indexes and stream. */
export function CreateTableDialog({ profile, regions, onClose, onCreated }: CreateTableDialogProps) {
  const [form, setForm] = useState<CreateTableForm>(() => emptyCreateForm(regions[0] ?? 'us-east-1'));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const create = useCreateTable(profile, onCreated);
  const set = (patch: Partial<CreateTableForm>) => setForm((f) => ({ ...f, ...patch }));

  const submit = () => {
    const result = toDefinition(form);
    if (!result.ok) return setErrors(result.errors);
    setErrors({});
    create.mutate({ region: form.region, definition: result.definition });
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title="Create table"
      size={560}
      centered
      data-testid="create-table-dialog"
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack gap="sm">
          <Group gap={6} align="flex-start" wrap="nowrap">
            <TextInput
              size="xs"
              label="Table name"
              placeholder="Users"
              value={form.table}
              onChange={(e) => set({ table: e.currentTarget.value })}
              error={errors['table']}
              style={{ flex: 1 }}
              data-autofocus
              spellCheck={false}
              data-testid="create-table-name"
            />
            {regions.length > 1 && (
              <Select
                size="xs"
                label="Region"
                w={150}
                data={regions}
                value={form.region}
                onChange={(v) => v && set({ region: v })}
                allowDeselect={false}
              />
            )}
          </Group>
          <Group gap="sm" grow align="flex-start">
            <KeyField
              label="Partition key"
              placeholder="UserID"
              value={form.partitionKey}
              onChange={(partitionKey) => set({ partitionKey })}
              error={errors['partitionKey.name']}
              testId="create-pk"
            />
            <KeyField
              label="Sort key"
              placeholder="optional"
              value={form.sortKey}
              onChange={(sortKey) => set({ sortKey })}
              error={errors['sortKey.name']}
              testId="create-sk"
            />
          </Group>
          <Divider label="Capacity" labelPosition="left" />
          <Group gap="sm" align="flex-end">
            <SegmentedControl
              size="xs"
              value={form.billingMode}
              onChange={(v) => set({ billingMode: v as CreateTableForm['billingMode'] })}
              data={[
                { value: 'PAY_PER_REQUEST', label: 'On demand' },
                { value: 'PROVISIONED', label: 'Provisioned' },
              ]}
              data-testid="create-billing"
            />
            {form.billingMode === 'PROVISIONED' && (
              <>
                <NumberInput
                  size="xs"
                  label="Read units"
                  w={100}
                  min={1}
                  value={form.readUnits}
                  onChange={(v) => set({ readUnits: Number(v) || 1 })}
                />
                <NumberInput
                  size="xs"
                  label="Write units"
                  w={100}
                  min={1}
                  value={form.writeUnits}
                  onChange={(v) => set({ writeUnits: Number(v) || 1 })}
                />
              </>
            )}
          </Group>
          <Divider label="Secondary indexes" labelPosition="left" />
          <IndexInputs form={form} errors={errors} onChange={(indexes) => set({ indexes })} />
          <Divider label="Options" labelPosition="left" />
          <Group gap="sm" align="flex-end">
            <Select
              size="xs"
              label="Stream"
              w={190}
              data={STREAMS}
              value={form.stream}
              onChange={(v) => set({ stream: (v ?? 'off') as CreateTableForm['stream'] })}
              allowDeselect={false}
            />
            <Checkbox
              size="xs"
              mb={6}
              label="Deletion protection"
              checked={form.deletionProtection}
              onChange={(e) => set({ deletionProtection: e.currentTarget.checked })}
            />
          </Group>
          {Object.keys(errors).length > 0 && !errors['table'] && !errors['partitionKey.name'] && (
            <Alert color="red" variant="light" p="xs">
              <Text size="xs">{Object.values(errors)[0]}</Text>
            </Alert>
          )}
          {create.error && (
            <AwsErrorAlert error={toApiError(create.error)} compact title="The table was not created" />
          )}
          <Group justify="flex-end" gap="xs">
            <Button size="xs" variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button size="xs" type="submit" loading={create.isPending} data-testid="create-table-submit">
              Create table
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
