import {
  Button,
  Group,
  NumberInput,
  Popover,
  SegmentedControl,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import type { ReplicationSnapshot } from '@shared/models/replication';
import type { ApiError } from '@renderer/api/api-error';
import { ToneDot } from '@renderer/components/tone-dot';

export interface HeartbeatChoice {
  enabled: boolean;
  mode: 'rds' | 'table';
  schema: string;
  intervalMs: number;
}

interface HeartbeatPopoverProps {
  heartbeat: ReplicationSnapshot['heartbeat'];
  busy: boolean;
  error: ApiError | null;
  /** Applies the choice; `done` closes the popover. */
  onApply: (choice: HeartbeatChoice, done: () => void) => void;
}

const SCHEMA = /^[A-Za-z0-9_$]{1,64}$/;

/** Only the settings: the snapshot's `error` must not travel back in the request. */
function choiceOf(h: HeartbeatChoice): HeartbeatChoice {
  return { enabled: h.enabled, mode: h.mode, schema: h.schema, intervalMs: h.intervalMs };
}

/**
 * The heartbeat's settings. `rds` only reads what RDS writes; `table` writes a row on the primary,
 * which the main process refuses until the user consents (asked by the caller, not here).
 */
export function HeartbeatPopover({ heartbeat, busy, error, onApply }: HeartbeatPopoverProps) {
  const [opened, setOpened] = useState(false);
  const [draft, setDraft] = useState<HeartbeatChoice>(() => choiceOf(heartbeat));
  const schemaError =
    draft.mode === 'table' && !SCHEMA.test(draft.schema) ? 'Letters, digits, _ and $ only' : null;
  const state = heartbeat.error ? 'red' : heartbeat.enabled ? 'green' : 'gray';

  return (
    <Popover
      opened={opened}
      onChange={setOpened}
      position="bottom-end"
      width={300}
      shadow="md"
      withinPortal
      trapFocus
    >
      <Popover.Target>
        <Button
          size="xs"
          variant="default"
          leftSection={<ToneDot tone={state} />}
          onClick={() => {
            setDraft(choiceOf(heartbeat));
            setOpened((o) => !o);
          }}
          data-testid="heartbeat-button"
          data-enabled={heartbeat.enabled}
          title={heartbeat.error ?? undefined}
        >
          Heartbeat {heartbeat.enabled ? heartbeat.mode : 'off'}
        </Button>
      </Popover.Target>
      <Popover.Dropdown data-testid="heartbeat-settings">
        <Stack gap="xs">
          <Switch
            label="Measure lag with a heartbeat"
            checked={draft.enabled}
            onChange={(e) => setDraft({ ...draft, enabled: e.currentTarget.checked })}
            data-testid="heartbeat-enabled"
          />
          <SegmentedControl
            size="xs"
            fullWidth
            disabled={!draft.enabled}
            value={draft.mode}
            onChange={(v) => setDraft({ ...draft, mode: v as 'rds' | 'table' })}
            data={[
              { value: 'rds', label: 'RDS (read only)' },
              { value: 'table', label: 'Own table' },
            ]}
            data-testid="heartbeat-mode"
          />
          <Text size="xs" c="dimmed">
            {draft.mode === 'rds'
              ? 'Reads mysql.rds_heartbeat2, which RDS for MySQL writes on the primary.'
              : `Writes a row into ${draft.schema || '<schema>'}.heartbeat on the primary every interval.`}
          </Text>
          {draft.mode === 'table' && (
            <TextInput
              size="xs"
              label="Schema"
              disabled={!draft.enabled}
              value={draft.schema}
              error={schemaError}
              onChange={(e) => setDraft({ ...draft, schema: e.currentTarget.value })}
              data-testid="heartbeat-schema"
            />
          )}
          <NumberInput
            size="xs"
            label="Interval (ms)"
            disabled={!draft.enabled}
            min={100}
            max={60_000}
            step={100}
            value={draft.intervalMs}
            onChange={(v) => setDraft({ ...draft, intervalMs: typeof v === 'number' ? v : draft.intervalMs })}
            data-testid="heartbeat-interval"
          />
          {(error ?? heartbeat.error) && (
            <Text size="xs" c="red" data-testid="heartbeat-error">
              {error ? error.message : heartbeat.error}
            </Text>
          )}
          <Group justify="flex-end" gap="xs">
            <Button size="xs" variant="default" onClick={() => setOpened(false)}>
              Cancel
            </Button>
            <Button
              size="xs"
              loading={busy}
              disabled={schemaError !== null}
              onClick={() => onApply(choiceOf(draft), () => setOpened(false))}
              data-testid="heartbeat-apply"
            >
              Apply
            </Button>
          </Group>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
