import { Loader, Tabs, Text } from '@mantine/core';
import { useState } from 'react';
import type { RdsInstance } from '@shared/models/rds';
import { toApiError } from '@renderer/api/api-error';
import { MOVING_REFRESH_MS, useRdsDetail } from '@renderer/api/use-rds';
import { AwsErrorAlert } from '@renderer/components/aws-error-alert';
import { useOpenReplication } from '@renderer/features/replication/use-open-replication';
import type { RdsActionKind } from '../actions/action-kinds';
import { isTransitional } from '../instance-status';
import { DetailHeader } from './detail-header';
import { EventsList } from './events-list';
import { LazyMetricsPanel } from './lazy-metrics-panel';
import { OverviewFields } from './overview-fields';
import { SnapshotsList } from './snapshots-list';
import { TagsList } from './tags-list';
import panels from '@renderer/components/panel.module.css';
import classes from './detail.module.css';

interface InstanceDetailProps {
  profile: string;
  /** The row as listed: shown at once, and whenever the list is fresher than the description. */
  listed: RdsInstance;
  listedAt: number;
  connecting: boolean;
  onConnect: (instance: RdsInstance) => void;
  onAction: (kind: RdsActionKind, instance: RdsInstance) => void;
  onClose: () => void;
}

const count = (n: number | undefined) => (n ? ` (${n})` : '');

/** Everything about one instance: fields, recent events, snapshots, tags; refreshed while it moves. */
export function InstanceDetail({
  profile,
  listed,
  listedAt,
  connecting,
  onConnect,
  onAction,
  onClose,
}: InstanceDetailProps) {
  const moving = isTransitional(listed.status);
  const detail = useRdsDetail(profile, listed.region, listed.id, moving ? MOVING_REFRESH_MS : false);
  // The list refreshes on its own (a new replica changes the primary's replica list): newest wins.
  const instance = detail.data && detail.dataUpdatedAt >= listedAt ? detail.data.instance : listed;
  const d = detail.data;
  const [tab, setTab] = useState<string | null>('overview');
  const replication = useOpenReplication(profile);

  return (
    <aside
      className={panels.side}
      data-testid="rds-detail"
      data-instance-id={listed.id}
      data-loaded={d ? 'true' : 'false'}
    >
      <DetailHeader
        instance={instance}
        connecting={connecting}
        onConnect={onConnect}
        onAction={onAction}
        onClose={onClose}
        onCheckReplication={(i) => replication.mutate(i)}
        checkingReplication={replication.isPending}
      />
      {detail.error && toApiError(detail.error).code !== 'NOT_FOUND' && (
        <div style={{ padding: 8 }}>
          <AwsErrorAlert error={toApiError(detail.error)} compact />
        </div>
      )}
      <Tabs value={tab} onChange={setTab} className={classes.tabs} classNames={{ panel: classes.tabPanel }}>
        <Tabs.List px={6}>
          <Tabs.Tab value="overview">Overview</Tabs.Tab>
          <Tabs.Tab value="events" data-testid="detail-tab-events">
            Events{count(d?.events.length)}
          </Tabs.Tab>
          <Tabs.Tab value="snapshots" data-testid="detail-tab-snapshots">
            Snapshots{count(d?.snapshots.length)}
          </Tabs.Tab>
          <Tabs.Tab value="tags">Tags{count(instance.tags.length)}</Tabs.Tab>
          <Tabs.Tab value="metrics" data-testid="detail-tab-metrics">
            Metrics
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="overview">
          <OverviewFields instance={instance} />
        </Tabs.Panel>
        <Tabs.Panel value="events">
          {d ? <EventsList events={d.events} error={d.eventsError} /> : <Pending failed={detail.isError} />}
        </Tabs.Panel>
        <Tabs.Panel value="snapshots">
          {d ? (
            <SnapshotsList snapshots={d.snapshots} error={d.snapshotsError} />
          ) : (
            <Pending failed={detail.isError} />
          )}
        </Tabs.Panel>
        <Tabs.Panel value="tags">
          <TagsList tags={instance.tags} />
        </Tabs.Panel>
        <Tabs.Panel value="metrics">
          {/* Only while shown: uPlot loads with the tab, and CloudWatch is not polled behind it. */}
          {tab === 'metrics' && <LazyMetricsPanel profile={profile} instance={instance} />}
        </Tabs.Panel>
      </Tabs>
    </aside>
  );
}

function Pending({ failed }: { failed: boolean }) {
  return failed ? (
    <Text size="sm" c="dimmed" p="sm">
      Not available.
    </Text>
  ) : (
    <Loader size="xs" m="sm" />
  );
}
