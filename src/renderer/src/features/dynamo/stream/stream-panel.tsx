import { Alert, Button, Center, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import type { DynamoEndpointInfo, DynamoTableDetail } from '@shared/models/dynamo';
import { StreamIcon } from './stream-icon';
import { AwsErrorAlert } from '@renderer/components/aws-error-alert';
import { UnsupportedState } from '../partiql/unsupported-state';
import { RecordDiff } from './record-diff';
import { RecordList } from './record-list';
import { StreamToolbar } from './stream-toolbar';
import { useStreamTail } from './use-stream-tail';
import frame from '@renderer/components/workspace-tab.module.css';
import { CenteredEmptyState } from '@renderer/components/empty-state';
import classes from './stream.module.css';

interface StreamPanelProps {
  profile: string;
  region: string;
  detail: DynamoTableDetail;
  endpoint: DynamoEndpointInfo | undefined;
  onOpenDetails: () => void;
}

/** The table's stream, live: INSERT, MODIFY and REMOVE records as they come, each change as a diff. */
export function StreamPanel({ profile, region, detail, endpoint, onOpenDetails }: StreamPanelProps) {
  const tail = useStreamTail(profile, region, detail.name);
  const { state } = tail;
  // null: follow the newest record; set once the user picks one.
  const [picked, setPicked] = useState<string | null>(null);
  const keyNames = useMemo(
    () => [detail.partitionKey.name, ...(detail.sortKey ? [detail.sortKey.name] : [])],
    [detail.partitionKey.name, detail.sortKey],
  );
  const shown = state.records.find((r) => r.eventId === picked) ?? state.records[0];

  if (endpoint && !endpoint.streams)
    return <UnsupportedState what="DynamoDB Streams" endpoint={endpoint} testId="stream-unsupported" />;
  if (!detail.stream?.enabled && state.status !== 'running')
    return (
      <CenteredEmptyState
        icon={<StreamIcon size={24} />}
        maw={460}
        title="This table has no stream"
        description="Turn on its stream in Details (“New and old images” shows each change in full), then tail it here."
        data-testid="stream-none"
        actions={
          <Button size="xs" variant="light" onClick={onOpenDetails} data-testid="stream-open-details">
            Open Details
          </Button>
        }
      />
    );

  return (
    <div className={frame.tab} data-testid="dynamo-stream-tail">
      <StreamToolbar
        state={state}
        viewType={detail.stream?.viewType}
        onStart={() => void tail.start()}
        onStop={() => void tail.stop()}
        onClear={() => {
          setPicked(null);
          tail.clear();
        }}
      />
      {state.error && (
        <div style={{ padding: '6px 8px 0' }}>
          {state.error.code === 'UNSUPPORTED' ? (
            <Alert color="gray" variant="light" p={8} data-testid="stream-error">
              <Text size="xs">{state.error.message}</Text>
            </Alert>
          ) : (
            <AwsErrorAlert
              error={state.error}
              compact
              title="Tailing the stream failed"
              testId="stream-error"
            />
          )}
        </div>
      )}
      {state.records.length === 0 ? (
        <Center flex={1} p="xl">
          <Text size="sm" c="dimmed" ta="center" maw={420} data-testid="stream-empty">
            {state.status === 'running'
              ? 'Listening. Changes to the table show up here as they happen.'
              : 'Start the tail to see changes to the table as they happen: inserts, modifications and removals.'}
          </Text>
        </Center>
      ) : (
        <div className={classes.body}>
          <RecordList
            records={state.records}
            keyNames={keyNames}
            selectedId={shown?.eventId ?? null}
            onSelect={setPicked}
          />
          <div className={classes.detail}>
            {shown && <RecordDiff record={shown} keyNames={keyNames} viewType={detail.stream?.viewType} />}
          </div>
        </div>
      )}
    </div>
  );
}
