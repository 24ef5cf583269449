import type { DynamoEndpointInfo } from '../../shared/models/dynamo';
import type { EventHub } from '../events';

/**
 * The lab's DynamoDB capabilities as its last `lab.status` said them, so calls to the `@lab` profile
 * know what the backend (DynamoDB Local or dynalite) can do before trying.
 */
export function trackLabEndpoint(events: Pick<EventHub, 'on'>): {
  current(): DynamoEndpointInfo | undefined;
  stop(): void;
} {
  let info: DynamoEndpointInfo | undefined;
  const stop = events.on('lab.status', ({ dynamodb }) => {
    info = dynamodb ? { backend: dynamodb.kind, ...dynamodb.capabilities } : undefined;
  });
  return { current: () => info, stop };
}
