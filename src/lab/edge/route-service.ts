import { LabError } from '../lab-error';
import type { ServiceHandler } from './types';

// JSON protocols name their service in X-Amz-Target; used when the credential scope names a service the
// lab does not know under that name (DynamoDB Streams clients may sign for `streams.dynamodb`, and
// DynamoDB Local serves streams on the same endpoint as tables).
const TARGET_PREFIXES: Record<string, string> = {
  DynamoDB_20120810: 'dynamodb',
  DynamoDBStreams_20120810: 'dynamodb',
  secretsmanager: 'secretsmanager',
};

export interface Route {
  service: string;
  handler: ServiceHandler;
}

/** The handler for a signed request: by credential-scope service first, then by X-Amz-Target prefix. */
export function routeService(
  services: Partial<Record<string, ServiceHandler>>,
  scopeService: string,
  target: string | undefined,
): Route {
  const byScope = services[scopeService];
  if (byScope) return { service: scopeService, handler: byScope };
  const prefix = target?.split('.')[0];
  const byTarget = prefix === undefined ? undefined : TARGET_PREFIXES[prefix];
  const handler = byTarget === undefined ? undefined : services[byTarget];
  if (byTarget !== undefined && handler) return { service: byTarget, handler };
  const served = Object.keys(services)
    .filter((name) => services[name])
    .sort();
  const asked = byTarget ?? scopeService;
  throw new LabError(
    'UnknownOperationException',
    `The local lab does not serve '${asked}' (credential scope service '${scopeService}'` +
      `${target ? `, X-Amz-Target '${target}'` : ''}). It serves: ${served.join(', ') || 'nothing yet'}.`,
  );
}
