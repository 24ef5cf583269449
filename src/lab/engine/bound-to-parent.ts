import { findOptionalExecutable } from './find-executable';

// util-linux's setpriv sets PR_SET_PDEATHSIG and then execs the command (same pid), so the kernel stops
// the child even when we are SIGKILLed and no exit handler can run. Linux only; elsewhere the caller's
// own shutdown, and the next start's leftover check, are what end the child. util-linux installs it in
// /usr/bin or /bin, looked at even when PATH is trimmed (a desktop launcher's environment).
const setpriv =
  process.platform === 'linux' ? findOptionalExecutable(['setpriv'], ['/usr/bin', '/bin']) : undefined;

/** The file and argv that run `command` so it gets SIGTERM when this process dies, where the OS allows. */
export function boundToParent(command: string, args: readonly string[]): [string, string[]] {
  return setpriv ? [setpriv, ['--pdeathsig', 'TERM', '--', command, ...args]] : [command, [...args]];
}
