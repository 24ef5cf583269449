import { awsConfigPresent } from './aws-config-present';

/**
 * The lab starts by itself only for a user with nothing else to explore: no AWS configuration and no
 * saved connection. `RDX_LAB=off` turns this off (tests, kiosks); `RDX_LAB=on` forces it.
 */
export function labAutoStartDecision(
  savedProfiles: number,
  env: NodeJS.ProcessEnv = process.env,
): { start: boolean; reason: string } {
  if (env.RDX_LAB === 'off') return { start: false, reason: 'RDX_LAB=off' };
  if (env.RDX_LAB === 'on') return { start: true, reason: 'RDX_LAB=on' };
  const aws = awsConfigPresent(env);
  if (aws.present) return { start: false, reason: `AWS configuration found (${aws.where})` };
  if (savedProfiles > 0) return { start: false, reason: 'saved connections found' };
  return { start: true, reason: 'no AWS configuration and no saved connection' };
}
