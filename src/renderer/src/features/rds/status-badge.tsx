import { Group, Text } from '@mantine/core';
import type { RdsStatusInfo } from '@shared/models/rds';
import { isTransitional, replicationTone, statusTone, TONE_COLOR } from './instance-status';
import { ToneDot } from '@renderer/components/tone-dot';

/** The instance status as a coloured dot and its RDS name; the dot pulses while it is moving. */
export function StatusBadge({ status, size = 'sm' }: { status: string; size?: 'xs' | 'sm' }) {
  const tone = statusTone(status);
  return (
    <Group gap={6} wrap="nowrap" data-testid="instance-status" data-status={status} data-tone={tone}>
      <ToneDot tone={tone} pulse={isTransitional(status)} />
      <Text size={size} c={tone === 'red' ? 'red.7' : undefined} span>
        {status}
      </Text>
    </Group>
  );
}

/** `read replication: replicating` and friends, coloured by state. */
export function ReplicationBadge({ info, size = 'xs' }: { info: RdsStatusInfo; size?: 'xs' | 'sm' }) {
  const tone = replicationTone(info);
  return (
    <Text
      size={size}
      span
      c={tone === 'gray' ? 'dimmed' : `${TONE_COLOR[tone]}.7`}
      data-testid="replication-state"
      data-replication={info.status}
      title={info.message}
    >
      {info.status}
    </Text>
  );
}
