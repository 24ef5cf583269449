import { Text } from '@mantine/core';
import {
  columnSizingFeature,
  createColumnHelper,
  createSortedRowModel,
  rowSortingFeature,
  sortFn_alphanumeric,
  sortFn_basic,
  tableFeatures,
} from '@tanstack/react-table';
import type { RdsInstance } from '@shared/models/rds';
import { LockIcon } from '@renderer/components/icons';
import { dateText } from '@renderer/components/format-date';
import { backupText, endpointText, engineText, roleText, storageText } from './instance-format';
import { ReplicationBadge, StatusBadge } from './status-badge';
import classes from './instance-table.module.css';

export const tableFeatureSet = tableFeatures({
  columnSizingFeature,
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
  sortFns: { alphanumeric: sortFn_alphanumeric, basic: sortFn_basic },
});

const helper = createColumnHelper<typeof tableFeatureSet, RdsInstance>();

const dim = (text: string) => (text ? text : <span className={classes.none}>—</span>);
const yesNo = (value: boolean) => (value ? 'Yes' : <span className={classes.none}>No</span>);

/** The columns of the instances table; each sorts on a plain value, shown by its own cell. */
export function instanceColumns(renderActions: (instance: RdsInstance) => React.ReactNode) {
  return helper.columns([
    helper.accessor('id', {
      header: 'Identifier',
      size: 210,
      sortFn: 'alphanumeric',
      cell: (ctx) => (
        <Text span size="sm" fw={500} className={classes.ident} data-testid="instance-id">
          {ctx.getValue()}
        </Text>
      ),
    }),
    helper.accessor('region', { header: 'Region', size: 100, sortFn: 'alphanumeric' }),
    helper.accessor((i) => roleText(i), { id: 'role', header: 'Role', size: 170, sortFn: 'alphanumeric' }),
    helper.accessor('status', {
      header: 'Status',
      size: 180,
      sortFn: 'alphanumeric',
      cell: (ctx) => (
        <span className={classes.status}>
          <StatusBadge status={ctx.getValue()} />
          {ctx.row.original.replication && <ReplicationBadge info={ctx.row.original.replication} />}
        </span>
      ),
    }),
    helper.accessor((i) => engineText(i), {
      id: 'engine',
      header: 'Engine',
      size: 140,
      sortFn: 'alphanumeric',
    }),
    helper.accessor((i) => i.instanceClass ?? '', {
      id: 'class',
      header: 'Class',
      size: 120,
      sortFn: 'alphanumeric',
      cell: (ctx) => dim(ctx.getValue()),
    }),
    helper.accessor((i) => (i.multiAz ? 1 : 0), {
      id: 'multiAz',
      header: 'Multi-AZ',
      size: 76,
      sortFn: 'basic',
      cell: (ctx) => yesNo(ctx.row.original.multiAz),
    }),
    helper.accessor((i) => i.availabilityZone ?? '', {
      id: 'az',
      header: 'AZ',
      size: 100,
      sortFn: 'alphanumeric',
      cell: (ctx) => dim(ctx.getValue()),
    }),
    helper.accessor((i) => endpointText(i), {
      id: 'endpoint',
      header: 'Endpoint',
      size: 250,
      sortFn: 'alphanumeric',
      cell: (ctx) => <span className={classes.mono}>{dim(ctx.getValue())}</span>,
    }),
    helper.accessor((i) => i.storage.allocatedGiB ?? 0, {
      id: 'storage',
      header: 'Storage',
      size: 170,
      sortFn: 'basic',
      cell: (ctx) => dim(storageText(ctx.row.original)),
    }),
    helper.accessor((i) => i.backupRetentionDays ?? -1, {
      id: 'backups',
      header: 'Backups',
      size: 80,
      sortFn: 'basic',
      cell: (ctx) => dim(backupText(ctx.row.original)),
    }),
    helper.accessor((i) => i.latestRestorableTime ?? '', {
      id: 'restorable',
      header: 'Latest restorable',
      size: 170,
      sortFn: 'alphanumeric',
      cell: (ctx) => dim(dateText(ctx.getValue())),
    }),
    helper.accessor((i) => (i.encrypted ? 1 : 0), {
      id: 'encrypted',
      header: 'Encrypted',
      size: 84,
      sortFn: 'basic',
      cell: (ctx) =>
        ctx.row.original.encrypted ? (
          <span className={classes.encrypted}>
            <LockIcon size={12} /> Yes
          </span>
        ) : (
          yesNo(false)
        ),
    }),
    helper.accessor((i) => (i.publiclyAccessible ? 1 : 0), {
      id: 'public',
      header: 'Public',
      size: 64,
      sortFn: 'basic',
      cell: (ctx) => yesNo(ctx.row.original.publiclyAccessible),
    }),
    helper.display({ id: 'actions', header: '', size: 40, cell: (ctx) => renderActions(ctx.row.original) }),
  ]);
}
