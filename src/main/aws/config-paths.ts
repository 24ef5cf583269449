import { homedir } from 'node:os';
import { join } from 'node:path';

export interface AwsConfigPaths {
  config: string;
  credentials: string;
}

/**
 * Where the AWS CLI and SDKs look: AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE when set, else
 * `~/.aws/config` and `~/.aws/credentials`. A leading `~/` in the variables is expanded as the SDK
 * does, so a path copied from the AWS docs works.
 */
export function awsConfigPaths(env: NodeJS.ProcessEnv = process.env, home = homeDir(env)): AwsConfigPaths {
  return {
    config: expand(env.AWS_CONFIG_FILE, home) ?? join(home, '.aws', 'config'),
    credentials: expand(env.AWS_SHARED_CREDENTIALS_FILE, home) ?? join(home, '.aws', 'credentials'),
  };
}

// The SDK's order: HOME, USERPROFILE, HOMEDRIVE+HOMEPATH, then the OS's idea.
function homeDir(env: NodeJS.ProcessEnv): string {
  if (env.HOME) return env.HOME;
  if (env.USERPROFILE) return env.USERPROFILE;
  if (env.HOMEPATH) return `${env.HOMEDRIVE ?? 'C:\\'}${env.HOMEPATH}`;
  return homedir();
}

function expand(path: string | undefined, home: string): string | undefined {
  if (!path) return undefined;
  return path.startsWith('~/') || path.startsWith('~\\') ? join(home, path.slice(2)) : path;
}
