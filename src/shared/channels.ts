/**
 * The allow-lists, free of any dependency so the preload bundle stays tiny. `contract.ts` checks at
 * compile time that they match the contract exactly.
 */
export const CHANNELS = [
  'app.info',
  'profiles.list',
  'profiles.save',
  'profiles.delete',
  'connections.test',
  'sql.open',
  'sql.close',
  'sql.run',
  'lab.overview',
  'lab.start',
  'lab.stop',
  'aws.profiles',
  'aws.identity',
  'aws.regions',
  'aws.answerMfa',
  'rds.listInstances',
  'rds.describeInstance',
  'rds.createReadReplica',
  'rds.promoteReadReplica',
  'rds.reboot',
  'rds.stop',
  'rds.start',
  'rds.createSnapshot',
  'rds.delete',
  'rds.connectionProfile',
  'secrets.list',
  'cloudwatch.instanceMetrics',
] as const;

export const EVENTS = ['sql.sessionClosed', 'lab.status', 'aws.mfaPrompt'] as const;

export type ChannelName = (typeof CHANNELS)[number];
export type EventName = (typeof EVENTS)[number];

export function isChannel(value: unknown): value is ChannelName {
  return typeof value === 'string' && (CHANNELS as readonly string[]).includes(value);
}

export function isEvent(value: unknown): value is EventName {
  return typeof value === 'string' && (EVENTS as readonly string[]).includes(value);
}
