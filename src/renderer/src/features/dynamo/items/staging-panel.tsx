import { Badge, Button, Group, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import type { ConsumedCapacity } from '@shared/models/dynamo';
import { formatPlainItem } from '@shared/models/dynamo-values';
import { toApiError, type ApiError } from '@renderer/api/api-error';
import { CloseIcon, ChevronDownIcon } from '@renderer/components/toolbar-icons';
import { AwsErrorAlert } from '@renderer/components/aws-error-alert';
import { ToolbarIconButton } from '@renderer/components/toolbar-icon-button';
import { useDynamoPrices } from '../use-dynamo';
import { NO_TRANSACTIONS } from './form-footer';
import { stagedKind, stagedSummary, type StagedKind } from './staged-summary';
import { MAX_STAGED, reasonsOf, reasonText, toTransaction } from './staging-list';
import { stagingScope, useStagedEntries, useStagingStore } from './staging-store';
import { useTransactWrite } from './use-item-writes';
import { notifyWrite } from './write-notice';
import classes from './item-editor.module.css';

interface StagingPanelProps {
  profile: string;
  region: string;
  transactions: boolean;
  /** After a commit: the explorer reads its page again and counts the capacity. */
  onCommitted: (consumed: ConsumedCapacity) => void;
}

const KIND: Record<StagedKind, { label: string; color: string }> = {
  create: { label: 'Create', color: 'teal' },
  update: { label: 'Update', color: 'blue' },
  delete: { label: 'Delete', color: 'red' },
};

/** Changes staged from the item editor, committed together as one TransactWriteItems. */
export function StagingPanel({ profile, region, transactions, onCommitted }: StagingPanelProps) {
  const scope = stagingScope(profile, region);
  const entries = useStagedEntries(scope);
  const remove = useStagingStore((s) => s.remove);
  const clear = useStagingStore((s) => s.clear);
  const markFailures = useStagingStore((s) => s.markFailures);
  const transact = useTransactWrite(profile, region);
  const prices = useDynamoPrices().data;
  const [open, setOpen] = useState(true);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiError | null>(null);
  if (entries.length === 0) return null;

  const commit = async () => {
    setBusy(true);
    setFailure(null);
    try {
      const res = await transact(toTransaction(entries));
      clear(scope);
      const n = res.committed;
      notifyWrite(
        `Committed ${n} change${n === 1 ? '' : 's'} as one transaction`,
        res.consumed,
        region,
        prices,
      );
      onCommitted(res.consumed);
    } catch (err) {
      const apiError = toApiError(err);
      // Reasons come back by position in the list, which cannot change while the commit runs.
      if (apiError.code === 'CONFLICT') markFailures(scope, reasonsOf(apiError.details));
      setFailure(apiError);
    } finally {
      setBusy(false);
    }
  };

  const failed = entries.filter((e) => e.failure).length;
  return (
    <div
      className={classes.staging}
      data-testid="dynamo-staging"
      data-count={entries.length}
      data-state={busy ? 'committing' : failed ? 'failed' : 'ready'}
    >
      <Group className={classes.stagingHeader} justify="space-between" gap="xs" wrap="nowrap">
        <UnstyledButton
          onClick={() => setOpen((o) => !o)}
          aria-expanded={open}
          data-testid="dynamo-staging-toggle"
        >
          <Group gap={6} wrap="nowrap">
            <ChevronDownIcon
              size={12}
              style={{ transform: open ? undefined : 'rotate(-90deg)', transition: 'transform 120ms' }}
            />
            <Text size="xs" fw={600}>
              Staged changes
            </Text>
            <Badge
              size="xs"
              variant="light"
              color={failed ? 'red' : 'gray'}
              data-testid="dynamo-staging-count"
            >
              {entries.length} / {MAX_STAGED}
            </Badge>
            {failed > 0 && (
              <Text size="xs" c="red">
                {failed} refused, nothing written
              </Text>
            )}
          </Group>
        </UnstyledButton>
        <Group gap="xs" wrap="nowrap">
          <Button
            size="compact-xs"
            variant="subtle"
            color="gray"
            disabled={busy}
            onClick={() => clear(scope)}
            data-testid="dynamo-staging-clear"
          >
            Clear
          </Button>
          <Tooltip label={NO_TRANSACTIONS} disabled={transactions} multiline w={260}>
            <Button
              size="compact-xs"
              loading={busy}
              data-disabled={!transactions || undefined}
              onClick={(e) => (transactions ? void commit() : e.preventDefault())}
              data-testid="dynamo-staging-commit"
            >
              Commit as transaction
            </Button>
          </Tooltip>
        </Group>
      </Group>
      {open && (
        <div className={classes.scroll}>
          {entries.map((entry) => {
            const kind = KIND[stagedKind(entry)];
            return (
              <div
                key={entry.id}
                className={classes.stagedRow}
                data-testid="dynamo-staged-row"
                data-key={entry.label}
                data-failed={entry.failure ? 'true' : undefined}
              >
                <Badge size="xs" variant="light" color={kind.color} w={58} style={{ flex: 'none' }}>
                  {kind.label}
                </Badge>
                <Text size="xs" className={classes.mono} style={{ flex: 'none', maxWidth: '40%' }} truncate>
                  {entry.change.table} · {entry.label}
                </Text>
                <Tooltip
                  label={`Stored now: ${entry.failure?.current ? formatPlainItem(entry.failure.current, 0) : 'no item'}`}
                  disabled={entry.failure?.code !== 'ConditionalCheckFailed'}
                  multiline
                  maw={420}
                  style={{ wordBreak: 'break-all' }}
                >
                  <Text
                    size="xs"
                    c={entry.failure ? 'red' : 'dimmed'}
                    truncate
                    style={{ flex: 1 }}
                    data-testid="dynamo-staged-status"
                  >
                    {entry.failure ? reasonText(entry.failure) : stagedSummary(entry)}
                  </Text>
                </Tooltip>
                <ToolbarIconButton
                  tooltip="Remove from the staged changes"
                  size="xs"
                  disabled={busy}
                  aria-label={`Remove ${entry.label}`}
                  onClick={() => remove(scope, entry.id)}
                  data-testid="dynamo-staged-remove"
                  icon={<CloseIcon size={12} />}
                />
              </div>
            );
          })}
        </div>
      )}
      {failure && (
        <div className={classes.message}>
          <AwsErrorAlert
            error={failure}
            compact
            title="The transaction was not committed"
            testId="dynamo-staging-error"
          />
        </div>
      )}
    </div>
  );
}
