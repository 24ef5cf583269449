import type { AwsConfigProblem } from '../../shared/models/aws';
import type { AwsConfigSnapshot } from './config-files';

/**
 * Broken references between sections: a `source_profile` or `sso_session` naming nothing. The SDK
 * finds these only when credentials are asked for, with a message that names no line.
 */
export function referenceProblems(snapshot: AwsConfigSnapshot): AwsConfigProblem[] {
  const problems: AwsConfigProblem[] = [];
  for (const entry of snapshot.profiles.values()) {
    const { source_profile: source, sso_session: session } = entry.settings;
    if (source !== undefined && source !== entry.name && !snapshot.profiles.has(source)) {
      problems.push(at(entry.where.source_profile, `source_profile '${source}' names no profile`));
    }
    if (session !== undefined && !snapshot.ssoSessions.has(session)) {
      problems.push(
        at(entry.where.sso_session, `sso_session '${session}' has no [sso-session ${session}] section`),
      );
    }
  }
  return problems;
}

function at(where: { file: string; line: number } | undefined, message: string): AwsConfigProblem {
  if (!where) return { file: '', message };
  return { file: where.file, line: where.line, message: `${where.file} line ${where.line}: ${message}` };
}
