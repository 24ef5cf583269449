import { Alert, List, Text } from '@mantine/core';
import type { AwsConfigProblem } from '@shared/models/aws';

/** Lines of ~/.aws/config or credentials the SDK would misread; each message names file and line. */
export function ConfigProblems({ problems }: { problems: AwsConfigProblem[] }) {
  if (problems.length === 0) return null;
  return (
    <Alert
      color="yellow"
      variant="light"
      p={8}
      title={
        <Text size="xs" fw={600} span>
          {problems.length === 1
            ? 'A problem in the AWS config'
            : `${problems.length} problems in the AWS config`}
        </Text>
      }
      data-testid="aws-config-problems"
    >
      <List
        size="xs"
        spacing={2}
        listStyleType="none"
        // A badly broken file has many lines at fault: keep the sidebar usable.
        mah={132}
        style={{ overflowY: 'auto' }}
        styles={{ item: { wordBreak: 'break-word' } }}
      >
        {problems.map((p) => (
          <List.Item key={`${p.file}:${p.line ?? 0}:${p.message}`} data-testid="aws-config-problem">
            {p.message}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
