import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** Whether the user has any AWS configuration: files (honouring their env overrides) or env credentials. */
export function awsConfigPresent(
  env: NodeJS.ProcessEnv = process.env,
  home = homedir(),
): { present: boolean; where?: string } {
  if (env.AWS_ACCESS_KEY_ID) return { present: true, where: 'AWS_ACCESS_KEY_ID' };
  if (env.AWS_PROFILE) return { present: true, where: 'AWS_PROFILE' };
  const files = [
    env.AWS_CONFIG_FILE ?? join(home, '.aws', 'config'),
    env.AWS_SHARED_CREDENTIALS_FILE ?? join(home, '.aws', 'credentials'),
  ];
  const found = files.find((file) => existsSync(file));
  return found ? { present: true, where: found } : { present: false };
}
