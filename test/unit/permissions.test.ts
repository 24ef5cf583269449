import { describe, expect, it } from 'vitest';
import { isPermissionGranted } from '../../src/main/permissions';

const built = { rendererFile: '/opt/app/out/renderer/index.html' };
const page = 'file:///opt/app/out/renderer/index.html';
const dev = { rendererUrl: 'http://localhost:5173/', rendererFile: '/unused' };

// Chromium's permission names as Electron passes them to the session's handlers.
const REFUSED = [
  'media',
  'geolocation',
  'openExternal',
  'clipboard-read',
  'display-capture',
  'midi',
  'midiSysex',
  'pointerLock',
  'fullscreen',
  'idle-detection',
  'storage-access',
  'window-management',
  'fileSystem',
  'hid',
  'serial',
  'usb',
  'unknown',
  '',
];

describe('permissions', () => {
  it('grants the app page desktop notifications and clipboard writes', () => {
    expect(isPermissionGranted('notifications', page, built)).toBe(true);
    expect(isPermissionGranted('clipboard-sanitized-write', page, built)).toBe(true);
    expect(isPermissionGranted('notifications', 'http://localhost:5173/#/x', dev)).toBe(true);
  });

  it('refuses every other permission, even to the app page', () => {
    for (const permission of REFUSED)
      expect(isPermissionGranted(permission, page, built), permission).toBe(false);
  });

  it('refuses any page but the app, even what it grants the app', () => {
    for (const url of [
      'https://evil.example/',
      'file:///tmp/evil.html',
      'file:///opt/app/out/renderer/index.html.evil',
      'http://localhost:5174/',
      'not a url',
      undefined,
    ]) {
      expect(isPermissionGranted('notifications', url, built), String(url)).toBe(false);
    }
    expect(isPermissionGranted('notifications', 'http://localhost:5174/', dev)).toBe(false);
  });

  it('accepts the bare origin a permission check may carry, and only the app one', () => {
    expect(isPermissionGranted('notifications', 'file://', built)).toBe(true);
    expect(isPermissionGranted('notifications', 'http://localhost:5173', dev)).toBe(true);
    expect(isPermissionGranted('notifications', 'https://evil.example', dev)).toBe(false);
  });
});
