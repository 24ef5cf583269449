import { readFile } from 'node:fs/promises';
import { ENV_PROFILE, LAB_PROFILE, type AwsConfigFile, type AwsConfigProblem } from '../../shared/models/aws';
import type { AwsConfigPaths } from './config-paths';
import { parseIni, type IniSection } from './ini-parser';

/** A profile's settings as the SDK sees them: config first, the credentials file winning per key. */
export interface ProfileSettings {
  name: string;
  settings: Record<string, string>;
  inConfig: boolean;
  inCredentials: boolean;
  /** Where each setting was written: `file line N`, for messages about it. */
  where: Record<string, { file: string; line: number }>;
}

export interface AwsConfigSnapshot {
  files: { config: AwsConfigFile; credentials: AwsConfigFile };
  profiles: Map<string, ProfileSettings>;
  ssoSessions: Map<string, Record<string, string>>;
  problems: AwsConfigProblem[];
}

/** The text of each file, `undefined` when it does not exist, or the error that kept it unread. */
export type FileText = string | undefined | Error;

// The SDK's rule for `[prefix name]` headers in the config file (names may be quoted).
const PREFIXED = /^([\w-]+)\s+(["'])?([\w\-@+.%:/]+)\2$/;
const RESERVED = new Set([LAB_PROFILE, ENV_PROFILE]);

/** Reads both files; a file that cannot be read becomes a problem, never an exception. */
export async function readAwsConfig(paths: AwsConfigPaths): Promise<AwsConfigSnapshot> {
  const [config, credentials] = await Promise.all([readText(paths.config), readText(paths.credentials)]);
  return interpretAwsConfig(paths, config, credentials);
}

/** Pure: turns the two files' text into profiles, SSO sessions and the problems found on the way. */
export function interpretAwsConfig(
  paths: AwsConfigPaths,
  config: FileText,
  credentials: FileText,
): AwsConfigSnapshot {
  const snapshot: AwsConfigSnapshot = {
    files: {
      config: { path: paths.config, exists: typeof config === 'string' },
      credentials: { path: paths.credentials, exists: typeof credentials === 'string' },
    },
    profiles: new Map(),
    ssoSessions: new Map(),
    problems: [],
  };
  const report = (file: string, line: number | undefined, message: string): void => {
    const at = line === undefined ? file : `${file} line ${line}`;
    snapshot.problems.push({ file, ...(line === undefined ? {} : { line }), message: `${at}: ${message}` });
  };
  for (const [file, text, kind] of [
    [paths.config, config, 'config'],
    [paths.credentials, credentials, 'credentials'],
  ] as const) {
    if (text instanceof Error) report(file, undefined, `could not be read (${text.message})`);
    if (typeof text !== 'string') continue;
    const parsed = parseIni(text);
    for (const problem of parsed.problems) report(file, problem.line, problem.message);
    for (const section of parsed.sections) {
      const name =
        kind === 'config'
          ? configSection(section, snapshot, (m) => report(file, section.line, m))
          : credentialsSection(section, (m) => report(file, section.line, m));
      if (name === undefined) continue;
      if (RESERVED.has(name)) {
        report(file, section.line, `the profile name '${name}' is reserved for this app and is ignored here`);
        continue;
      }
      addProfile(snapshot, name, section, file, kind);
    }
  }
  return snapshot;
}

/** The profile a config-file section defines, recording SSO sessions on the way. */
function configSection(
  section: IniSection,
  snapshot: AwsConfigSnapshot,
  report: (message: string) => void,
): string | undefined {
  if (section.header === 'default') return 'default';
  const match = PREFIXED.exec(section.header);
  const [, prefix, , name] = match ?? [];
  if (prefix === 'profile' && name) return name;
  if (prefix === 'sso-session' && name) {
    snapshot.ssoSessions.set(name, { ...snapshot.ssoSessions.get(name), ...section.settings });
    return undefined;
  }
  if (prefix === 'services' && name) return undefined;
  report(
    `the section [${section.header}] is ignored by the SDK: in the config file a profile is written ` +
      `[profile NAME] (only [default] goes without the prefix)`,
  );
  return undefined;
}

function credentialsSection(section: IniSection, report: (message: string) => void): string {
  if (section.header.startsWith('profile ')) {
    report(
      `in the credentials file a profile is written [NAME]; the SDK reads [${section.header}] as a profile ` +
        `named '${section.header}'`,
    );
  }
  return section.header;
}

function addProfile(
  snapshot: AwsConfigSnapshot,
  name: string,
  section: IniSection,
  file: string,
  kind: 'config' | 'credentials',
): void {
  const entry = snapshot.profiles.get(name) ?? {
    name,
    settings: {},
    inConfig: false,
    inCredentials: false,
    where: {},
  };
  Object.assign(entry.settings, section.settings);
  for (const [key, line] of Object.entries(section.lines)) entry.where[key] = { file, line };
  if (kind === 'config') entry.inConfig = true;
  else entry.inCredentials = true;
  snapshot.profiles.set(name, entry);
}

async function readText(path: string): Promise<FileText> {
  try {
    return await readFile(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? undefined : (err as Error);
  }
}
