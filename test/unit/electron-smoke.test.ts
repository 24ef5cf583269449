import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProfileStore } from '../../src/main/profiles/profile-store';
import { CHANNELS } from '../../src/shared/channels';
import { DEFAULT_PROFILE_FIELDS } from '../../src/shared/models/profile';

const MAIN_BUNDLE = resolve('out/main/index.js');

interface SmokeReport {
  singleInstanceLock: boolean;
  ipcChannels: string[];
  windows: {
    options: { webPreferences: Record<string, unknown> };
    loaded: { file?: string; url?: string };
  }[];
  probes: {
    foreignNavigationPrevented: boolean;
    windowOpen: { action: string };
    csp?: string;
    appInfo: { ok: boolean; value?: { mode: string; secretStorage: string } };
    foreignFrame: { ok: boolean };
    permissions: {
      registered: { request: boolean; check: boolean; device: boolean };
      request: Record<string, boolean>;
      foreignRequest: Record<string, boolean>;
      check: Record<string, boolean>;
      device: boolean;
    };
    webviewPrevented: boolean;
    profilesList: { ok: boolean; value?: { profiles: unknown[]; secretsWarning?: string } };
  };
}

let dir: string;
let report: SmokeReport;

beforeAll(async () => {
  if (!existsSync(MAIN_BUNDLE)) throw new Error('out/main/index.js is missing: run `npm run build` first');
  dir = await mkdtemp(join(tmpdir(), 'rdx-smoke-'));
  // A saved connection and a damaged saved-passwords file, as a crash or a bad disk leaves them.
  await new ProfileStore({ dataDir: dir }).save(undefined, { ...DEFAULT_PROFILE_FIELDS, name: 'saved' });
  await writeFile(join(dir, 'secrets.json'), '{"profile:1:password":"c2Vj');
  const reportFile = join(dir, 'report.json');
  const run = spawnSync(
    process.execPath,
    ['--import', './test/support/electron-stub/register.mjs', MAIN_BUNDLE],
    {
      env: {
        ...process.env,
        RDX_SMOKE_REPORT: reportFile,
        RDX_SMOKE_USER_DATA: dir,
        ELECTRON_RENDERER_URL: '',
        // The stub reports once the process idles; a lab started at launch would keep it busy forever.
        RDX_LAB: 'off',
      },
      encoding: 'utf8',
      timeout: 30_000,
    },
  );
  if (run.status !== 0) throw new Error(`main bundle failed under the stub: ${run.stderr}`);
  report = JSON.parse(await readFile(reportFile, 'utf8')) as SmokeReport;
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('Electron main bundle (stubbed electron)', () => {
  it('opens one sandboxed, isolated window with the built preload and page', () => {
    expect(report.singleInstanceLock).toBe(true);
    expect(report.windows).toHaveLength(1);
    const [win] = report.windows;
    expect(win?.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    });
    const preload = String(win?.options.webPreferences.preload);
    expect(preload.endsWith(join('out', 'preload', 'index.cjs'))).toBe(true);
    expect(existsSync(preload)).toBe(true);
    expect(win?.loaded.file).toBe(join(dirname(MAIN_BUNDLE), '..', 'renderer', 'index.html'));
  });

  it('registers exactly the listed channels with ipcMain', () => {
    expect([...report.ipcChannels].sort()).toEqual([...CHANNELS].sort());
  });

  it('serves a call from the app page and refuses a foreign frame', () => {
    expect(report.probes.appInfo).toMatchObject({
      ok: true,
      value: { mode: 'electron', secretStorage: 'keychain' },
    });
    expect(report.probes.foreignFrame).toMatchObject({ ok: false });
  });

  it('blocks navigation away, new windows, and sets a strict CSP', () => {
    expect(report.probes.foreignNavigationPrevented).toBe(true);
    expect(report.probes.windowOpen).toEqual({ action: 'deny' });
    expect(report.probes.csp).toContain("script-src 'self'");
    expect(report.probes.csp).toContain("object-src 'none'");
  });
});

describe('Electron permissions (stubbed electron)', () => {
  it('registers request, check and device permission handlers, and refuses webviews', () => {
    expect(report.probes.permissions.registered).toEqual({ request: true, check: true, device: true });
    expect(report.probes.permissions.device).toBe(false);
    expect(report.probes.webviewPrevented).toBe(true);
  });

  it('grants the app page notifications and clipboard writes, and nothing else', () => {
    const { request, check, foreignRequest } = report.probes.permissions;
    for (const answers of [request, check]) {
      expect(answers).toEqual({
        notifications: true,
        'clipboard-sanitized-write': true,
        media: false,
        geolocation: false,
        openExternal: false,
        'clipboard-read': false,
      });
    }
    expect(Object.values(foreignRequest).every((granted) => granted === false)).toBe(true);
  });
});

describe('An unreadable secrets.json in the Electron app (stubbed electron)', () => {
  it('is moved aside, kept, and reported with the saved connections', async () => {
    const listed = report.probes.profilesList;
    expect(listed.ok).toBe(true);
    expect(listed.value?.profiles).toHaveLength(1);
    expect(listed.value?.secretsWarning).toMatch(/saved passwords could not be read.*moved to/);
    const aside = (await readdir(dir)).filter((f) => f.startsWith('secrets.json.corrupt-'));
    expect(aside).toHaveLength(1);
    expect(await readFile(join(dir, aside[0] ?? ''), 'utf8')).toBe('{"profile:1:password":"c2Vj');
  });
});
