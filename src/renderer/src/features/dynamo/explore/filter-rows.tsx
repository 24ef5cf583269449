import { ActionIcon, Group, Select, TextInput } from '@mantine/core';
import type { FilterOperator } from '@shared/models/dynamo';
import { TrashIcon } from '@renderer/components/icons';
import { NO_VALUE_OPS, type FilterRow, type ValueType } from './builder-form';

const OPS: { value: FilterOperator; label: string }[] = [
  { value: '=', label: '=' },
  { value: '<>', label: '≠' },
  { value: '<', label: '<' },
  { value: '<=', label: '≤' },
  { value: '>', label: '>' },
  { value: '>=', label: '≥' },
  { value: 'between', label: 'between' },
  { value: 'begins_with', label: 'begins with' },
  { value: 'contains', label: 'contains' },
  { value: 'not_contains', label: 'not contains' },
  { value: 'in', label: 'in (a, b, …)' },
  { value: 'exists', label: 'exists' },
  { value: 'not_exists', label: 'not exists' },
  { value: 'attribute_type', label: 'is of type' },
];
export const VALUE_TYPES: { value: ValueType; label: string }[] = [
  { value: 'S', label: 'String' },
  { value: 'N', label: 'Number' },
  { value: 'B', label: 'Binary' },
  { value: 'BOOL', label: 'Boolean' },
  { value: 'NULL', label: 'Null' },
];

interface FilterRowsProps {
  rows: FilterRow[];
  errorField: string | null;
  onChange: (rows: FilterRow[]) => void;
}

/** Filter conditions on any attribute, ANDed; each with its type, operator and value(s). */
export function FilterRows({ rows, errorField, onChange }: FilterRowsProps) {
  const update = (id: number, patch: Partial<FilterRow>) =>
    onChange(rows.map((r) => (r.id === id ? { ...r, ...patch } : r)));
  return (
    <>
      {rows.map((row, i) => {
        const noValue = NO_VALUE_OPS.includes(row.op) || row.type === 'NULL';
        const err = (f: string) => (errorField === `filters.${i}.${f}` ? true : undefined);
        return (
          <Group key={row.id} gap={6} wrap="nowrap" data-testid="dynamo-filter-row">
            <TextInput
              size="xs"
              w={150}
              placeholder="attribute"
              value={row.name}
              error={err('name')}
              onChange={(e) => update(row.id, { name: e.currentTarget.value })}
              aria-label="Filter attribute"
              data-testid="dynamo-filter-name"
            />
            <Select
              size="xs"
              w={92}
              data={VALUE_TYPES}
              value={row.type}
              onChange={(v) => update(row.id, { type: (v ?? 'S') as ValueType })}
              allowDeselect={false}
              aria-label="Filter value type"
            />
            <Select
              size="xs"
              w={124}
              data={OPS}
              value={row.op}
              onChange={(v) => update(row.id, { op: (v ?? '=') as FilterOperator })}
              allowDeselect={false}
              aria-label="Filter operator"
              data-testid="dynamo-filter-op"
            />
            {!noValue && (
              <TextInput
                size="xs"
                w={160}
                placeholder={
                  row.op === 'attribute_type' ? 'S, N, M, L…' : row.op === 'in' ? 'a, b, c' : 'value'
                }
                value={row.value}
                error={err('value')}
                onChange={(e) => update(row.id, { value: e.currentTarget.value })}
                aria-label="Filter value"
                data-testid="dynamo-filter-value"
              />
            )}
            {row.op === 'between' && (
              <TextInput
                size="xs"
                w={120}
                placeholder="and"
                value={row.value2}
                error={err('value2')}
                onChange={(e) => update(row.id, { value2: e.currentTarget.value })}
                aria-label="Filter upper value"
              />
            )}
            <ActionIcon
              variant="subtle"
              color="gray"
              size="sm"
              aria-label="Remove filter"
              onClick={() => onChange(rows.filter((r) => r.id !== row.id))}
            >
              <TrashIcon size={13} />
            </ActionIcon>
          </Group>
        );
      })}
    </>
  );
}
