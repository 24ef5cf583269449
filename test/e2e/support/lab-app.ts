import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, type Page } from '@playwright/test';
import { ADMIN_KEY_HEADER } from '../../../src/lab/edge/admin-routes';
import { readLabCredentials, type LabCredentials } from '../../../src/lab/lab-credentials';
import { startBrowserMode, type BrowserModeApp } from './browser-mode';

export interface LabAppOptions {
  /** The prefix of the temporary data dir, so a leftover dir names its spec. */
  dataDirPrefix: string;
  /**
   * `on` starts the lab whatever the user has; `auto` leaves RDX_LAB unset, so the lab starts by
   * itself only because the user has no AWS files and no saved connection.
   */
  lab?: 'on' | 'auto';
}

/**
 * Runs browser mode with a real lab for the spec file's tests, as a new user sees it: no AWS files
 * (they point nowhere) and no AWS profile or keys in the environment, so the local lab is the one
 * AWS profile that works. Returns the app's URL once `beforeAll` has run.
 */
export interface LabApp {
  readonly url: string;
  /** The keys the app's lab made in its data dir (read once the lab has started). */
  labCredentials(): Promise<LabCredentials>;
  /** Headers for the lab's admin routes (`/_lab/fault`), as `npm run lab -- fault` sends them. */
  labAdminHeaders(): Promise<Record<string, string>>;
}

export function useLabApp({ dataDirPrefix, lab = 'on' }: LabAppOptions): LabApp {
  let dataDir: string;
  let app: BrowserModeApp | undefined;

  test.beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), dataDirPrefix));
    app = await startBrowserMode(dataDir, {
      RDX_LAB: lab === 'on' ? 'on' : '',
      RDX_LAB_PORT: '0',
      AWS_CONFIG_FILE: join(dataDir, 'no-aws-config'),
      AWS_SHARED_CREDENTIALS_FILE: join(dataDir, 'no-aws-credentials'),
      AWS_PROFILE: '',
      AWS_ACCESS_KEY_ID: '',
    });
  });

  test.afterAll(async () => {
    await app?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  const labCredentials = async (): Promise<LabCredentials> => {
    const keys = await readLabCredentials(join(dataDir, 'lab'));
    if (!keys) throw new Error('useLabApp: the lab has not made its keys yet (wait for its endpoint first)');
    return keys;
  };
  return {
    get url(): string {
      if (!app) throw new Error('useLabApp: the app is not running outside the spec file’s tests');
      return app.url;
    },
    labCredentials,
    labAdminHeaders: async () => ({
      'Content-Type': 'application/json',
      [ADMIN_KEY_HEADER]: (await labCredentials()).secretAccessKey,
    }),
  };
}

/** Saves a screenshot into the test's output and attaches it to the report. */
export async function keepScreenshot(page: Page, name: string): Promise<void> {
  const path = test.info().outputPath(`${name}.png`);
  await page.screenshot({ path, animations: 'disabled' });
  await test.info().attach(name, { path, contentType: 'image/png' });
}
