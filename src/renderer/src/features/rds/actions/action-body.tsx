import { Checkbox, Radio, Stack, Text } from '@mantine/core';
import type { RdsInstance } from '@shared/models/rds';
import type { RdsActionKind } from './action-kinds';
import type { ActionErrors, ActionValues } from './action-values';
import { ReplicaFields } from './replica-fields';
import { SnapshotField } from './snapshot-field';

interface ActionBodyProps {
  kind: RdsActionKind;
  instance: RdsInstance;
  values: ActionValues;
  errors: ActionErrors;
  set: <K extends keyof ActionValues>(key: K, value: ActionValues[K]) => void;
  regions: string[];
}

const Id = ({ children }: { children: string }) => (
  <Text span ff="monospace" fw={600}>
    {children}
  </Text>
);

/** What the action does, in plain words, and the few choices it takes. */
export function ActionBody({ kind, instance: i, values, errors, set, regions }: ActionBodyProps) {
  const fields = { values, errors, set };
  switch (kind) {
    case 'createReplica':
      return (
        <Stack gap="sm">
          <Text size="sm">
            RDS copies <Id>{i.id}</Id> to a new instance and keeps it in sync by replication. The replica is
            read-only until it is promoted.
          </Text>
          <ReplicaFields source={i} regions={regions} {...fields} />
        </Stack>
      );
    case 'promote':
      return (
        <Text size="sm">
          <Id>{i.id}</Id> stops replicating from <Id>{i.sourceId ?? 'its source'}</Id> and becomes a
          standalone, writable instance. It cannot be made a replica of that source again.
        </Text>
      );
    case 'reboot':
      return (
        <Stack gap="sm">
          <Text size="sm">Restarts the database engine. Open connections drop while it restarts.</Text>
          {i.multiAz && (
            <Checkbox
              label="Reboot with failover"
              description={`The standby${i.secondaryAvailabilityZone ? ` in ${i.secondaryAvailabilityZone}` : ''} takes over behind the same endpoint; clients reconnect after 60–120 s.`}
              checked={values.forceFailover}
              onChange={(e) => set('forceFailover', e.currentTarget.checked)}
              data-testid="force-failover"
            />
          )}
        </Stack>
      );
    case 'stop':
      return (
        <Stack gap="sm">
          <Text size="sm">
            Stops <Id>{i.id}</Id>; storage is still billed. RDS starts a stopped instance again by itself
            after seven days.
          </Text>
          <Checkbox
            label="Take a snapshot first"
            checked={values.withSnapshot}
            onChange={(e) => set('withSnapshot', e.currentTarget.checked)}
            data-testid="stop-snapshot"
          />
          {values.withSnapshot && <SnapshotField label="Snapshot identifier" {...fields} />}
        </Stack>
      );
    case 'start':
      return (
        <Text size="sm">
          Starts <Id>{i.id}</Id>. It takes a few minutes to become available.
        </Text>
      );
    case 'snapshot':
      return (
        <Stack gap="sm">
          <Text size="sm">
            A manual snapshot of the storage of <Id>{i.id}</Id>, kept until you delete it.
          </Text>
          <SnapshotField label="Snapshot identifier" {...fields} />
        </Stack>
      );
    case 'delete':
      return (
        <Stack gap="sm">
          <Text size="sm">
            Deletes <Id>{i.id}</Id> and its automated backups.
            {i.replicaIds.length > 0 && (
              <>
                {' '}
                {i.replicaIds.length === 1 ? 'Its replica ' : 'Its replicas '}
                {i.replicaIds.map((id, n) => (
                  <span key={id}>
                    {n > 0 && ', '}
                    <Id>{id}</Id>
                  </span>
                ))}
                {i.replicaIds.length === 1
                  ? ' becomes a standalone instance.'
                  : ' become standalone instances.'}
              </>
            )}
          </Text>
          <Radio.Group
            value={values.withSnapshot ? 'keep' : 'skip'}
            onChange={(v) => set('withSnapshot', v === 'keep')}
          >
            <Stack gap={6}>
              <Radio value="keep" label="Keep a final snapshot" data-testid="final-snapshot-keep" />
              <Radio
                value="skip"
                label="Skip the final snapshot: the data is gone for good"
                color="red"
                data-testid="final-snapshot-skip"
              />
            </Stack>
          </Radio.Group>
          <SnapshotField label="Final snapshot identifier" disabled={!values.withSnapshot} {...fields} />
        </Stack>
      );
  }
}
