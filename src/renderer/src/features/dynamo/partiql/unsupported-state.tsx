import type { DynamoEndpointInfo } from '@shared/models/dynamo';
import { CenteredEmptyState } from '@renderer/components/empty-state';
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
    <CenteredEmptyState
      icon={<AlertIcon size={24} />}
      maw={460}
      title={`${what} is unsupported on this endpoint`}
      description={`This endpoint (${endpoint.backend}) does not offer ${what}.${hint}`}
      data-testid={testId}
    />
  );
}
