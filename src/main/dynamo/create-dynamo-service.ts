import type { AwsServices } from '../aws/aws-services';
import type { EventHub } from '../events';
import { DynamoClientCache, profileConnector } from './dynamo-connector';
import { DynamoService } from './dynamo-service';
import { trackLabEndpoint } from './lab-endpoint';

/** The DynamoDB side of the composition root: clients through the app's profiles, the lab's capabilities. */
export function createDynamoService(opts: {
  aws: Pick<AwsServices, 'clients'>;
  events: EventHub;
  dataDir: string;
}): { service: DynamoService; dispose(): void } {
  const cache = new DynamoClientCache();
  const lab = trackLabEndpoint(opts.events);
  const service = new DynamoService({
    connect: profileConnector({ clients: opts.aws.clients, labEndpoint: lab.current, cache }),
    events: opts.events,
    dataDir: opts.dataDir,
  });
  return {
    service,
    dispose() {
      service.dispose();
      lab.stop();
      cache.dispose();
    },
  };
}
