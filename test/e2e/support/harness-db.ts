import type { AppPage } from '../pages/app-page';

/** A value the e2e global setup put in the environment (the app's URL, the harness servers). */
export function e2eEnv(name: string): string {
  const value = process.env[name];
  if (value === undefined) throw new Error(`${name} is not set: the e2e global setup did not run`);
  return value;
}

/** mysql2 options for the harness primary, for a spec's own setup and checks. */
export function harnessDb(): { host: string; port: number; user: string; password: string } {
  return {
    host: e2eEnv('E2E_DB_HOST'),
    port: Number(e2eEnv('E2E_DB_PORT')),
    user: e2eEnv('E2E_DB_USER'),
    password: e2eEnv('E2E_DB_PASSWORD'),
  };
}

/** Adds a connection to the harness primary through the profile form, as a user would. */
export async function addHarnessProfile(app: AppPage, name: string, database: string): Promise<void> {
  const { host, port, user, password } = harnessDb();
  await app.addProfile({ name, host, port: String(port), user, database }, password);
}
