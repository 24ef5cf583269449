// The DynamoDB backend's public surface, for the lab's composition.
export { createDynamoBackend, type DynamoBackend, type DynamoBackendOptions } from './dynamo-backend';
export { dynamoAdminRoutes } from './dynamo-admin';
export type { DynamoBackendKind, DynamoCapabilities } from './backend-capabilities';
