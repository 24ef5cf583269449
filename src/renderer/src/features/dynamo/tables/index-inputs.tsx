import { ActionIcon, Button, Group, Paper, SegmentedControl, Select, Stack, TextInput } from '@mantine/core';
import { PlusIcon, TrashIcon } from '@renderer/components/icons';
import type { CreateTableForm, IndexInput } from './create-table-form';
import { KeyField } from './key-input';

interface IndexInputsProps {
  form: CreateTableForm;
  errors: Record<string, string>;
  onChange: (indexes: IndexInput[]) => void;
}

let nextId = 1;

/** Optional global and local secondary indexes of a new table. */
export function IndexInputs({ form, errors, onChange }: IndexInputsProps) {
  const update = (id: number, patch: Partial<IndexInput>) =>
    onChange(form.indexes.map((i) => (i.id === id ? { ...i, ...patch } : i)));
  return (
    <Stack gap={6}>
      {form.indexes.map((index, n) => (
        <Paper key={index.id} withBorder p="xs" data-testid="create-index">
          <Stack gap={6}>
            <Group gap={6} align="flex-end" wrap="nowrap">
              <TextInput
                size="xs"
                label="Index name"
                value={index.name}
                onChange={(e) => update(index.id, { name: e.currentTarget.value })}
                error={errors[`indexes.${n}.name`]}
                style={{ flex: 1 }}
                data-testid="create-index-name"
              />
              <SegmentedControl
                size="xs"
                value={index.kind}
                onChange={(v) => update(index.id, { kind: v as IndexInput['kind'] })}
                data={[
                  { value: 'GSI', label: 'Global' },
                  { value: 'LSI', label: 'Local' },
                ]}
              />
              <ActionIcon
                variant="subtle"
                color="gray"
                aria-label="Remove index"
                onClick={() => onChange(form.indexes.filter((i) => i.id !== index.id))}
              >
                <TrashIcon size={14} />
              </ActionIcon>
            </Group>
            {errors[`indexes.${n}.kind`] && (
              <span style={{ color: 'var(--mantine-color-error)', fontSize: 12 }}>
                {errors[`indexes.${n}.kind`]}
              </span>
            )}
            <Group gap={6} grow align="flex-start">
              <KeyField
                label="Partition key"
                value={index.kind === 'LSI' ? form.partitionKey : index.partitionKey}
                disabled={index.kind === 'LSI'}
                onChange={(partitionKey) => update(index.id, { partitionKey })}
                error={errors[`indexes.${n}.partitionKey.name`]}
                testId="create-index-pk"
              />
              <KeyField
                label="Sort key"
                placeholder={index.kind === 'LSI' ? 'required' : 'optional'}
                value={index.sortKey}
                onChange={(sortKey) => update(index.id, { sortKey })}
                error={errors[`indexes.${n}.sortKey.name`]}
                testId="create-index-sk"
              />
            </Group>
            <Group gap={6} grow>
              <Select
                size="xs"
                label="Projection"
                data={['ALL', 'KEYS_ONLY', 'INCLUDE']}
                value={index.projection}
                onChange={(v) => update(index.id, { projection: (v ?? 'ALL') as IndexInput['projection'] })}
                allowDeselect={false}
              />
              {index.projection === 'INCLUDE' && (
                <TextInput
                  size="xs"
                  label="Included attributes"
                  placeholder="Name, Email"
                  value={index.nonKeyAttributes}
                  onChange={(e) => update(index.id, { nonKeyAttributes: e.currentTarget.value })}
                />
              )}
            </Group>
          </Stack>
        </Paper>
      ))}
      <Button
        size="xs"
        variant="subtle"
        leftSection={<PlusIcon size={13} />}
        style={{ alignSelf: 'flex-start' }}
        onClick={() =>
          onChange([
            ...form.indexes,
            {
              id: nextId++,
              name: '',
              kind: 'GSI',
              partitionKey: { name: '', type: 'S' },
              sortKey: { name: '', type: 'S' },
              projection: 'ALL',
              nonKeyAttributes: '',
            },
          ])
        }
        data-testid="create-add-index"
      >
        Add index
      </Button>
    </Stack>
  );
}
