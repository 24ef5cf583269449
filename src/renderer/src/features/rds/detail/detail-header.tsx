import { Button, CloseButton, Group, Stack, Text } from '@mantine/core';
import type { RdsInstance } from '@shared/models/rds';
import { PlayIcon } from '@renderer/components/icons';
import { ChevronDownIcon, GraphIcon } from '@renderer/components/toolbar-icons';
import { ActionsMenu } from '../actions/actions-menu';
import { canConnect, type RdsActionKind } from '../actions/action-kinds';
import { engineText } from '../instance-format';
import { StatusBadge } from '../status-badge';
import { ExportMenu } from './export-menu';
import panels from '@renderer/components/panel.module.css';
import classes from './detail.module.css';

interface DetailHeaderProps {
  instance: RdsInstance;
  connecting: boolean;
  onConnect: (instance: RdsInstance) => void;
  onAction: (kind: RdsActionKind, instance: RdsInstance) => void;
  onClose: () => void;
  /** Opens the replication tab on the instance's connection profile. */
  onCheckReplication?: (instance: RdsInstance) => void;
  checkingReplication?: boolean;
}

export function DetailHeader({
  instance,
  connecting,
  onConnect,
  onAction,
  onClose,
  onCheckReplication,
  checkingReplication = false,
}: DetailHeaderProps) {
  return (
    <Stack gap={6} className={`${panels.header} ${classes.header}`}>
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Text fw={600} ff="monospace" size="md" truncate data-testid="detail-title">
          {instance.id}
        </Text>
        <CloseButton size="sm" aria-label="Close details" onClick={onClose} data-testid="detail-close" />
      </Group>
      <Group gap="sm" wrap="nowrap">
        <StatusBadge status={instance.status} />
        <Text size="xs" c="dimmed" truncate>
          {instance.region} · {engineText(instance)} · {instance.role}
        </Text>
      </Group>
      {/* Wraps rather than squeezing the buttons' labels when the panel is narrow. */}
      <Group gap={6} wrap="wrap">
        <Button
          size="xs"
          leftSection={<PlayIcon size={11} />}
          onClick={() => onConnect(instance)}
          loading={connecting}
          disabled={!canConnect(instance)}
          data-testid="detail-connect"
        >
          Connect
        </Button>
        <ActionsMenu
          instance={instance}
          onAction={onAction}
          onConnect={onConnect}
          target={
            <Button
              size="xs"
              variant="default"
              rightSection={<ChevronDownIcon size={12} />}
              data-testid="detail-actions"
            >
              Actions
            </Button>
          }
        />
        <ExportMenu instance={instance} />
        {onCheckReplication && (
          <Button
            size="xs"
            variant="default"
            leftSection={<GraphIcon size={12} />}
            onClick={() => onCheckReplication(instance)}
            loading={checkingReplication}
            disabled={!canConnect(instance)}
            data-testid="detail-check-replication"
          >
            Check replication
          </Button>
        )}
      </Group>
    </Stack>
  );
}
