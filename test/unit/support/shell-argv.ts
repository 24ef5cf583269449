import { execFileSync } from 'node:child_process';

/**
 * Runs a copied command in a real POSIX shell with `aws` defined as a function that prints its
 * arguments, NUL-separated, so a test sees exactly the words a user's shell would pass to the CLI.
 * Anything the command injected runs too, in `cwd`, where the test can look for its traces.
 */
export function shellArgv(command: string, options: { cwd: string; env?: Record<string, string> }): string[] {
  const script = `aws() { for a in "$@"; do printf '%s\\0' "$a"; done; }\n${command}\n`;
  const out = execFileSync('sh', ['-c', script], {
    cwd: options.cwd,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: options.cwd, ...options.env },
    encoding: 'utf8',
  });
  return out.split('\0').slice(0, -1);
}

/** The value that follows `flag` in an argv, or `flag=value` written as one word. */
export function optionValue(argv: string[], flag: string): string | undefined {
  const index = argv.indexOf(flag);
  if (index >= 0) return argv[index + 1];
  return argv.find((word) => word.startsWith(`${flag}=`))?.slice(flag.length + 1);
}
