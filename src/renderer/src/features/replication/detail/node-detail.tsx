import { Accordion, Alert, Badge, CloseButton, Group, Stack, Text } from '@mantine/core';
import type { ReplicationNode } from '@shared/models/replication';
import { FieldSection } from '@renderer/components/field-section';
import type { LagSample } from '../lag-history';
import {
  formatDuration,
  formatLagMs,
  HEALTH_LABEL,
  HEALTH_TONE,
  ROLE_LABEL,
  serverText,
} from '../replication-format';
import { ApprovedAccess } from '../peers/approved-access';
import { ChannelSection, RawFields } from './channel-sections';
import { LagChart } from './lag-chart';
import panels from '@renderer/components/panel.module.css';
import classes from './node-detail.module.css';

function accessText(node: ReplicationNode): string {
  switch (node.access.kind) {
    case 'profile':
      return 'its own connection profile';
    case 'inherited':
      return node.access.grant === 'rds'
        ? 'the start profile’s login (RDS lists this instance in the topology)'
        : 'a profile’s login you allowed on this address';
    case 'none':
      return 'not connected';
  }
}

/** The reason is the last error's text when a thread stopped on it: the error's box below says it. */
function repeatsError(node: ReplicationNode): boolean {
  return node.channels.some((c) =>
    [c.lastIoError, c.lastSqlError].some((e) => e && node.healthReason.includes(e.message)),
  );
}

/** Everything known about one node: health, lag over the session, server, channels, raw status. */
export function NodeDetail({
  node,
  samples,
  onRevoked,
  onClose,
}: {
  node: ReplicationNode;
  samples: readonly LagSample[];
  /** An approval of this node's address was revoked: the view reads the topology again. */
  onRevoked: () => void;
  onClose: () => void;
}) {
  const s = node.server;
  const tone = HEALTH_TONE[node.health];
  return (
    <aside className={panels.side} data-testid="replication-detail" data-node-key={node.key}>
      <Stack gap={4} className={`${panels.header} ${classes.header}`}>
        <Group justify="space-between" wrap="nowrap" gap="xs">
          <Text fw={600} ff="monospace" size="md" truncate data-testid="detail-title">
            {node.label}
          </Text>
          <CloseButton size="sm" aria-label="Close details" onClick={onClose} />
        </Group>
        <Group gap="xs" wrap="nowrap">
          <Badge color={tone} variant="light" radius="sm">
            {HEALTH_LABEL[node.health]}
          </Badge>
          <Text size="xs" c="dimmed" truncate>
            {node.role ? ROLE_LABEL[node.role] : 'role unknown'} · {node.host}:{node.port}
          </Text>
        </Group>
        {node.healthReason && !repeatsError(node) && (
          <Text size="xs" style={{ overflowWrap: 'anywhere' }} data-testid="detail-reason">
            {node.healthReason}
          </Text>
        )}
      </Stack>
      <div className={classes.scroll}>
        <ApprovedAccess node={node} onRevoked={onRevoked} />
        {node.error && (
          <Alert color="red" variant="light" className={classes.error} title={node.error.code}>
            <Text size="xs">{node.error.message}</Text>
          </Alert>
        )}
        {(node.channels.length > 0 || node.measured) && <LagChart samples={samples} />}
        <FieldSection
          title="Server"
          fields={[
            ['Server', s ? serverText(s.flavor, s.version) : null],
            ['Version', s?.version],
            ['Server id', s ? String(s.serverId) : null],
            ['Server UUID', s?.serverUuid],
            ['Read only', s ? (s.readOnly ? 'yes' : 'no') : null],
            ['Super read only', s && s.superReadOnly !== null ? (s.superReadOnly ? 'yes' : 'no') : null],
            ['Binary log', s ? (s.logBin ? 'on' : 'off') : null],
            ['GTID executed', s?.gtidExecuted],
            ['RDS instance', node.rdsInstanceId],
            ['Reached with', accessText(node)],
            [
              'Measured lag',
              node.measured
                ? `${formatLagMs(node.measured.lagMs)} (${node.measured.source}${node.measured.at ? `, ${new Date(node.measured.at).toLocaleTimeString()}` : ''})`
                : null,
            ],
            ['Status read in', formatDuration(node.readMs)],
          ]}
        />
        {node.channels.map((c) => (
          <ChannelSection key={c.channel} channel={c} />
        ))}
        {node.channels.length > 0 && (
          <Accordion variant="default" chevronPosition="left">
            {node.channels.map((c) => (
              <Accordion.Item key={c.channel} value={c.channel || 'default'}>
                <Accordion.Control>
                  <Text size="xs" fw={600} c="dimmed" tt="uppercase">
                    Raw status{c.channel ? ` (${c.channel})` : ''}: {Object.keys(c.raw).length} fields
                  </Text>
                </Accordion.Control>
                <Accordion.Panel>
                  <RawFields raw={c.raw} />
                </Accordion.Panel>
              </Accordion.Item>
            ))}
          </Accordion>
        )}
      </div>
    </aside>
  );
}
