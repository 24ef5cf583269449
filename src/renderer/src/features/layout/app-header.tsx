import { Badge, Group, Text, Tooltip } from '@mantine/core';
import { useAppInfo } from '@renderer/api/use-app-info';
import { DatabaseIcon } from '@renderer/components/icons';

export function AppHeader() {
  const info = useAppInfo().data;
  return (
    <Group h="100%" px="md" gap="sm" justify="space-between" wrap="nowrap">
      <Group gap={8} wrap="nowrap">
        <DatabaseIcon size={16} color="var(--mantine-primary-color-filled)" />
        <Text size="md" fw={600} data-testid="app-title">
          RDS &amp; DynamoDB Explorer
        </Text>
        {info?.mode === 'browser' && (
          <Tooltip
            label="Running in a browser tab: the app serves this page from 127.0.0.1 only."
            openDelay={300}
            multiline
            w={260}
          >
            <Badge size="sm" variant="light" color="gray" tt="none" data-testid="mode-badge">
              Browser mode
            </Badge>
          </Tooltip>
        )}
      </Group>
      {info && (
        <Text size="xs" c="dimmed">
          v{info.version}
        </Text>
      )}
    </Group>
  );
}
