import { DataList, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import classes from './field-section.module.css';

export type Field = [label: string, value: ReactNode];

const isEmpty = (v: ReactNode) => v === undefined || v === null || v === '' || v === false;

/** A titled list of label/value pairs; empty values show as a dash, so nothing looks missing by mistake. */
export function FieldSection({ title, fields }: { title: string; fields: Field[] }) {
  return (
    <section className={classes.section}>
      <Text size="xs" fw={600} c="dimmed" tt="uppercase" className={classes.sectionTitle}>
        {title}
      </Text>
      <DataList size="sm" labelWidth={132} gap={2}>
        {fields.map(([label, value]) => (
          <DataList.Item key={label} data-testid="detail-field" data-field={label}>
            <DataList.ItemLabel c="dimmed">{label}</DataList.ItemLabel>
            <DataList.ItemValue className={classes.value}>
              {isEmpty(value) ? <span className={classes.none}>—</span> : value}
            </DataList.ItemValue>
          </DataList.Item>
        ))}
      </DataList>
    </section>
  );
}
