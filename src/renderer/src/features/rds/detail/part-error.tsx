import { Alert, Text } from '@mantine/core';
import type { AwsPartError } from '@shared/models/aws';

/** One part of the detail (events, snapshots) that AWS would not give, shown in its place. */
export function PartError({ what, error }: { what: string; error: AwsPartError }) {
  return (
    <Alert
      color="red"
      variant="light"
      m="sm"
      p={8}
      title={`${what} could not be read`}
      data-testid="detail-part-error"
      data-code={error.code}
    >
      <Text size="sm" style={{ wordBreak: 'break-word' }}>
        {error.awsCode ? `${error.awsCode}: ` : ''}
        {error.message}
      </Text>
    </Alert>
  );
}
