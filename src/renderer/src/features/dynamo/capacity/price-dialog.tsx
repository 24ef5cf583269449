import { Button, Group, Modal, NumberInput, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { DynamoPriceTable } from '@shared/models/dynamo';
import { toApiError } from '@renderer/api/api-error';
import { PlusIcon, TrashIcon } from '@renderer/components/icons';
import { AwsErrorAlert } from '@renderer/components/aws-error-alert';
import { useSavePrices } from '../use-dynamo';

const PRICE_FIELDS = [
  { field: 'read', label: 'Read price' },
  { field: 'write', label: 'Write price' },
] as const;

interface Row {
  region: string;
  read: number;
  write: number;
}

const toRows = (p: DynamoPriceTable): Row[] => [
  { region: 'default', read: p.default.readPerMillion, write: p.default.writePerMillion },
  ...Object.entries(p.regions).map(([region, v]) => ({
    region,
    read: v.readPerMillion,
    write: v.writePerMillion,
  })),
];

/** On-demand prices per million request units, per region; the estimates use them. */
export function PriceDialog({ prices, onClose }: { prices: DynamoPriceTable; onClose: () => void }) {
  const [rows, setRows] = useState<Row[]>(() => toRows(prices));
  const save = useSavePrices();
  const set = (i: number, patch: Partial<Row>) =>
    setRows((r) => r.map((row, n) => (n === i ? { ...row, ...patch } : row)));
  const submit = () => {
    const [first, ...rest] = rows;
    const regions: DynamoPriceTable['regions'] = {};
    for (const r of rest)
      if (r.region.trim()) regions[r.region.trim()] = { readPerMillion: r.read, writePerMillion: r.write };
    save.mutate(
      {
        currency: 'USD',
        default: { readPerMillion: first?.read ?? 0, writePerMillion: first?.write ?? 0 },
        regions,
      },
      { onSuccess: onClose },
    );
  };
  return (
    <Modal
      opened
      onClose={onClose}
      title="On-demand prices (USD per million units)"
      size={520}
      centered
      data-testid="dynamo-price-dialog"
    >
      <Text size="xs" c="dimmed" mb="xs">
        Estimates only: check AWS's pricing page for your region and table class.
      </Text>
      <Table fz="sm" verticalSpacing={2}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Region</Table.Th>
            <Table.Th>Read</Table.Th>
            <Table.Th>Write</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row, i) => (
            <Table.Tr key={i}>
              <Table.Td>
                {i === 0 ? (
                  <Text size="sm" c="dimmed">
                    other regions
                  </Text>
                ) : (
                  <TextInput
                    size="xs"
                    value={row.region}
                    onChange={(e) => set(i, { region: e.currentTarget.value })}
                    aria-label="Region"
                  />
                )}
              </Table.Td>
              {PRICE_FIELDS.map(({ field, label }) => (
                <Table.Td key={field}>
                  <NumberInput
                    size="xs"
                    min={0}
                    decimalScale={6}
                    value={row[field]}
                    onChange={(v) => set(i, { [field]: Number(v) || 0 })}
                    aria-label={label}
                  />
                </Table.Td>
              ))}
              <Table.Td>
                {i > 0 && (
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    color="gray"
                    onClick={() => setRows((r) => r.filter((_, n) => n !== i))}
                    aria-label="Remove region"
                  >
                    <TrashIcon size={13} />
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Button
        size="xs"
        variant="subtle"
        mt={4}
        leftSection={<PlusIcon size={13} />}
        onClick={() => setRows((r) => [...r, { region: '', read: 0.125, write: 0.625 }])}
      >
        Add region
      </Button>
      {save.error && <AwsErrorAlert error={toApiError(save.error)} compact title="Prices were not saved" />}
      <Group justify="space-between" mt="sm">
        <Button
          size="xs"
          variant="subtle"
          color="gray"
          onClick={() => save.mutate(null, { onSuccess: onClose })}
        >
          Restore defaults
        </Button>
        <Group gap="xs">
          <Button size="xs" variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button size="xs" onClick={submit} loading={save.isPending} data-testid="dynamo-prices-save">
            Save
          </Button>
        </Group>
      </Group>
    </Modal>
  );
}
