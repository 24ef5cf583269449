import { Alert, List, Progress, ScrollArea, Stack, Text } from '@mantine/core';
import type { ImportAnswer } from '@shared/models/import';
import { AlertIcon, CheckIcon } from '@renderer/components/icons';

/** Each rejected row with its line and reason; nothing is imported until the user confirms. */
export function RejectedRows({ answer }: { answer: Extract<ImportAnswer, { status: 'rejected' }> }) {
  return (
    <Alert
      color="orange"
      icon={<AlertIcon />}
      title={`${answer.rejectedCount} rows cannot be imported`}
      data-testid="import-rejected"
    >
      <Text size="sm" mb={6}>
        Nothing has been imported. Fix the file, or import the {answer.validRows.toLocaleString()} valid rows
        without them.
      </Text>
      <ScrollArea.Autosize mah={180} type="auto">
        <List size="xs" spacing={2}>
          {answer.rejected.map((r) => (
            <List.Item key={r.line} data-testid="import-rejected-row">
              <Text span size="xs" fw={600}>
                Line {r.line}:
              </Text>{' '}
              {r.reason}
            </List.Item>
          ))}
        </List>
      </ScrollArea.Autosize>
    </Alert>
  );
}

export function ImportStatus(p: {
  total: number;
  rows: number;
  done: boolean;
  cancelled: boolean;
  error?: string;
}) {
  if (p.cancelled)
    return (
      <Alert color="gray" title="Cancelled">
        The import was rolled back; nothing was imported.
      </Alert>
    );
  if (p.error)
    return (
      <Alert color="red" icon={<AlertIcon />} title="Import failed">
        {p.error}
      </Alert>
    );
  if (p.done) {
    return (
      <Alert color="green" icon={<CheckIcon />} title="Imported" data-testid="import-done">
        {p.rows.toLocaleString()} rows were imported in one transaction.
      </Alert>
    );
  }
  return (
    <Stack gap={4}>
      <Progress value={(p.rows / Math.max(1, p.total)) * 100} animated />
      <Text size="sm">
        {p.rows.toLocaleString()} of {p.total.toLocaleString()} rows
      </Text>
    </Stack>
  );
}
