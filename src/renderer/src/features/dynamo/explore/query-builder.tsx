import {
  Button,
  Checkbox,
  Group,
  NumberInput,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import type { DynamoTableDetail, SortKeyOperator } from '@shared/models/dynamo';
import { PlayIcon, PlusIcon } from '@renderer/components/icons';
import { keysOf, type BuilderForm } from './builder-form';
import { FilterRows } from './filter-rows';
import classes from './explore.module.css';

const SORT_OPS: { value: SortKeyOperator | 'none'; label: string }[] = [
  { value: 'none', label: 'any' },
  { value: '=', label: '=' },
  { value: '<', label: '<' },
  { value: '<=', label: '≤' },
  { value: '>', label: '>' },
  { value: '>=', label: '≥' },
  { value: 'between', label: 'between' },
  { value: 'begins_with', label: 'begins with' },
];

interface QueryBuilderProps {
  detail: DynamoTableDetail;
  form: BuilderForm;
  onChange: (form: BuilderForm) => void;
  /** The field the last check stopped at (`partitionValue`, `filters.0.value`…). */
  errorField: string | null;
  running: boolean;
  onRun: () => void;
}

let nextFilterId = 1;

/** Scan or query: index, key conditions, filters, projection, consistency, page size and order. */
export function QueryBuilder({ detail, form, onChange, errorField, running, onRun }: QueryBuilderProps) {
  const keys = keysOf(detail, form.index);
  const set = (patch: Partial<BuilderForm>) => onChange({ ...form, ...patch });
  const indexOptions = [
    { value: '', label: `Table · ${detail.name}` },
    ...detail.indexes.map((i) => ({ value: i.name, label: `${i.kind} · ${i.name}` })),
  ];
  const gsi = keys.index?.kind === 'GSI';
  return (
    <form
      className={classes.builder}
      data-testid="dynamo-builder"
      onSubmit={(e) => {
        e.preventDefault();
        onRun();
      }}
    >
      <Stack gap={6}>
        <Group gap={6} wrap="wrap" align="center">
          <SegmentedControl
            size="xs"
            value={form.mode}
            onChange={(v) => set({ mode: v as BuilderForm['mode'] })}
            data={[
              { value: 'scan', label: 'Scan' },
              { value: 'query', label: 'Query' },
            ]}
            data-testid="dynamo-mode"
          />
          <Select
            size="xs"
            w={200}
            data={indexOptions}
            value={form.index ?? ''}
            onChange={(v) => set({ index: v ? v : null, sortOp: 'none' })}
            allowDeselect={false}
            aria-label="Table or index"
            data-testid="dynamo-index"
          />
          {form.mode === 'query' && (
            <>
              <Text size="xs" ff="monospace" fw={600} className={classes.keyName}>
                {keys.partitionKey.name} =
              </Text>
              <TextInput
                size="xs"
                w={170}
                placeholder={keys.partitionKey.type === 'N' ? 'number' : 'value'}
                value={form.partitionValue}
                error={errorField === 'partitionValue' || undefined}
                onChange={(e) => set({ partitionValue: e.currentTarget.value })}
                aria-label={`${keys.partitionKey.name} value`}
                data-testid="dynamo-pk-value"
              />
              {keys.sortKey && (
                <>
                  <Text size="xs" ff="monospace" fw={600} className={classes.keyName}>
                    {keys.sortKey.name}
                  </Text>
                  <Select
                    size="xs"
                    w={112}
                    data={SORT_OPS}
                    value={form.sortOp}
                    onChange={(v) => set({ sortOp: (v ?? 'none') as BuilderForm['sortOp'] })}
                    allowDeselect={false}
                    aria-label="Sort key condition"
                    data-testid="dynamo-sk-op"
                  />
                  {form.sortOp !== 'none' && (
                    <TextInput
                      size="xs"
                      w={140}
                      placeholder="value"
                      value={form.sortValue}
                      error={errorField === 'sortValue' || undefined}
                      onChange={(e) => set({ sortValue: e.currentTarget.value })}
                      aria-label={`${keys.sortKey.name} value`}
                      data-testid="dynamo-sk-value"
                    />
                  )}
                  {form.sortOp === 'between' && (
                    <TextInput
                      size="xs"
                      w={120}
                      placeholder="and"
                      value={form.sortValue2}
                      error={errorField === 'sortValue2' || undefined}
                      onChange={(e) => set({ sortValue2: e.currentTarget.value })}
                      aria-label={`${keys.sortKey.name} upper value`}
                    />
                  )}
                </>
              )}
            </>
          )}
        </Group>
        <FilterRows rows={form.filters} errorField={errorField} onChange={(filters) => set({ filters })} />
        <Group gap={6} wrap="wrap" align="center">
          <Button
            size="xs"
            variant="subtle"
            leftSection={<PlusIcon size={13} />}
            onClick={() =>
              set({
                filters: [
                  ...form.filters,
                  { id: nextFilterId++, name: '', type: 'S', op: '=', value: '', value2: '' },
                ],
              })
            }
            data-testid="dynamo-add-filter"
          >
            Filter
          </Button>
          <TextInput
            size="xs"
            w={200}
            placeholder="Attributes to return (all)"
            value={form.projection}
            onChange={(e) => set({ projection: e.currentTarget.value })}
            aria-label="Projection"
            data-testid="dynamo-projection"
          />
          <NumberInput
            size="xs"
            w={92}
            min={1}
            max={1000}
            value={form.limit}
            onChange={(v) => set({ limit: Number(v) || 100 })}
            leftSection={
              <Text size="10px" c="dimmed">
                Limit
              </Text>
            }
            leftSectionWidth={38}
            aria-label="Limit"
            data-testid="dynamo-limit"
          />
          <Checkbox
            size="xs"
            label="Consistent read"
            checked={form.consistentRead && !gsi}
            disabled={gsi}
            title={gsi ? 'Global secondary indexes are read eventually consistent only' : undefined}
            onChange={(e) => set({ consistentRead: e.currentTarget.checked })}
          />
          {form.mode === 'query' && (
            <Checkbox
              size="xs"
              label="Descending"
              checked={form.descending}
              onChange={(e) => set({ descending: e.currentTarget.checked })}
            />
          )}
          <Button
            size="xs"
            type="submit"
            ml="auto"
            leftSection={<PlayIcon size={13} />}
            loading={running}
            data-testid="dynamo-run"
          >
            Run
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
