// Copied commands carry values a server, endpoint or lab described (names, regions, tags). Pasted
// into a terminal they must reach the AWS CLI as the words they are: nothing may run, split or glob.

// Words every POSIX shell (and zsh, the macOS default) passes on unchanged. Not a leading `=`:
// zsh expands `=cmd` to the command's path.
const BARE = /^[A-Za-z0-9_./:@%+,-][A-Za-z0-9_./:=@%+,-]*$/;

/**
 * One POSIX shell word for `text`: bare when no shell reads anything into it, else in single quotes
 * with each `'` written as `'\''`. (A shell argument cannot hold NUL; no name or region has one.)
 */
export function shellQuote(text: string): string {
  if (BARE.test(text)) return text;
  return `'${text.replaceAll("'", `'\\''`)}'`;
}

/**
 * `--flag value` for the AWS CLI. A value starting with `-` is joined as `--flag=value`, since the
 * CLI would otherwise take it for an option of its own (`--endpoint-url=...`).
 */
export function cliOption(flag: string, value: string | number): string {
  const text = String(value);
  return text.startsWith('-') ? `${flag}=${shellQuote(text)}` : `${flag} ${shellQuote(text)}`;
}

/**
 * `--flag a b c` for a list option; as one JSON argument when an item starts with `-`, because
 * the CLI ends a list at the first word that looks like an option.
 */
export function cliListOption(flag: string, values: readonly string[]): string {
  if (values.some((value) => value.startsWith('-'))) return `${flag} ${shellQuote(JSON.stringify(values))}`;
  return `${flag} ${values.map(shellQuote).join(' ')}`;
}
