import { List, ScrollArea, Text } from '@mantine/core';

/** Lines with their reason, in a short scrolling list. */
export function LineProblems({
  problems,
  testId,
  unit = 'Line',
}: {
  problems: { line: number; reason: string }[];
  testId: string;
  /** CSV counts data rows from 1 after the header. */
  unit?: 'Line' | 'Row';
}) {
  return (
    <ScrollArea.Autosize mah={160} type="auto">
      <List size="xs" spacing={2}>
        {problems.map((p) => (
          <List.Item key={p.line} data-testid={testId} data-line={p.line}>
            <Text span size="xs" fw={600}>
              {unit} {p.line}:
            </Text>{' '}
            {p.reason}
          </List.Item>
        ))}
      </List>
    </ScrollArea.Autosize>
  );
}
