import { Center, EmptyState } from '@mantine/core';
import type { DynamoEndpointInfo } from '@shared/models/dynamo';
import { AlertIcon } from '@renderer/components/icons';

interface UnsupportedStateProps {
  what: string;
  endpoint: DynamoEndpointInfo;
  testId: string;
}

/** A feature the endpoint lacks, said calmly: it is the endpoint's limit, not a failure. */
export function UnsupportedState({ what, endpoint, testId }: UnsupportedStateProps) {
  const hint =
    endpoint.backend === 'dynalite'
      ? ' The local lab offers it on DynamoDB Local, which it runs when Java 17+ and the DynamoDB Local jar are there (the status bar says what is missing).'
      : '';
  return (
    <Center h="100%" p="xl">
      <EmptyState
        icon={<AlertIcon size={24} />}
        withIndicatorBackground
        size="sm"
        maw={460}
        title={`${what} is unsupported on this endpoint`}
        description={`This endpoint (${endpoint.backend}) does not offer ${what}.${hint}`}
        data-testid={testId}
      />
    </Center>
  );
}
