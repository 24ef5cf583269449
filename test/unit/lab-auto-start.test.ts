import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { labAutoStartDecision } from '../../src/main/lab/auto-start';
import { awsConfigPresent } from '../../src/main/lab/aws-config-present';

let home: string;
beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'rdx-home-'));
});
afterEach(async () => {
  await rm(home, { recursive: true, force: true });
});

describe('when the lab starts by itself', () => {
  it('starts for a new user with no AWS configuration and no saved connection', () => {
    expect(
      labAutoStartDecision(0, {
        HOME: home,
        AWS_CONFIG_FILE: join(home, 'none'),
        AWS_SHARED_CREDENTIALS_FILE: join(home, 'none2'),
      }),
    ).toEqual({
      start: true,
      reason: 'no AWS configuration and no saved connection',
    });
  });

  it('stays off when AWS files or env credentials exist, naming what it found', async () => {
    await mkdir(join(home, '.aws'));
    await writeFile(join(home, '.aws', 'config'), '[default]\nregion = eu-west-1\n');
    expect(awsConfigPresent({}, home)).toEqual({ present: true, where: join(home, '.aws', 'config') });
    expect(awsConfigPresent({ AWS_ACCESS_KEY_ID: 'AK' }, join(home, 'empty'))).toEqual({
      present: true,
      where: 'AWS_ACCESS_KEY_ID',
    });
    expect(awsConfigPresent({ AWS_CONFIG_FILE: join(home, 'custom') }, join(home, 'empty'))).toEqual({
      present: false,
    });
  });

  it('stays off when the user has saved connections, and obeys RDX_LAB', () => {
    const noAws = { AWS_CONFIG_FILE: join(home, 'x'), AWS_SHARED_CREDENTIALS_FILE: join(home, 'y') };
    expect(labAutoStartDecision(2, noAws)).toEqual({ start: false, reason: 'saved connections found' });
    expect(labAutoStartDecision(0, { ...noAws, RDX_LAB: 'off' }).start).toBe(false);
    expect(labAutoStartDecision(5, { ...noAws, RDX_LAB: 'on' }).start).toBe(true);
  });
});
