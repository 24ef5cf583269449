import { describe, expect, it } from 'vitest';
import { parseLabArgs } from '../../src/lab/cli-args';

describe('npm run lab arguments', () => {
  it('starts on 4566 with the course seed by default', () => {
    expect(parseLabArgs([])).toMatchObject({ command: 'start', port: 4566, seed: 'course', backend: 'auto' });
  });

  it('takes a port, a data dir, a jar and a backend', () => {
    expect(
      parseLabArgs([
        '--port',
        '0',
        '--data-dir=/tmp/lab',
        '--dynamodb-local-jar',
        '/x.jar',
        '--dynamodb',
        'dynalite',
      ]),
    ).toMatchObject({
      command: 'start',
      port: 0,
      dataDir: '/tmp/lab',
      jarPath: '/x.jar',
      backend: 'dynalite',
    });
  });

  it('parses reset and fault commands', () => {
    expect(parseLabArgs(['reset', '--data-dir', '/tmp/lab'])).toEqual({
      command: 'reset',
      dataDir: '/tmp/lab',
    });
    expect(parseLabArgs(['fault', 'replica-delay', 'myrdslab-replica', '5'])).toMatchObject({
      command: 'fault',
      kind: 'replica-delay',
      target: 'myrdslab-replica',
      value: '5',
    });
  });

  it('refuses unknown options, bad ports and bad values with a message', () => {
    expect(() => parseLabArgs(['--prot', '1'])).toThrow('Unknown option --prot');
    expect(() => parseLabArgs(['--port', '70000'])).toThrow('--port must be 0-65535');
    expect(() => parseLabArgs(['--seed', 'all'])).toThrow('--seed must be course or none');
    expect(() => parseLabArgs(['frobnicate'])).toThrow('Unknown command frobnicate');
    expect(() => parseLabArgs(['fault'])).toThrow('fault needs a KIND');
  });
});

describe('npm run lab --host', () => {
  it('listens on loopback names without more ado', () => {
    for (const host of ['127.0.0.1', 'localhost', '::1']) {
      expect(parseLabArgs(['--host', host])).toMatchObject({ command: 'start', host });
    }
  });

  it('refuses any other address unless --unsafe-listen says so, as browser mode does', () => {
    for (const host of ['0.0.0.0', '192.168.1.10', '::', 'my-laptop.local']) {
      expect(() => parseLabArgs(['--host', host])).toThrow(
        `Refusing to listen on ${host}: only loopback is allowed without --unsafe-listen`,
      );
    }
    expect(parseLabArgs(['--host', '0.0.0.0', '--unsafe-listen'])).toMatchObject({ host: '0.0.0.0' });
    expect(parseLabArgs(['--unsafe-listen', '--host=0.0.0.0', '--port', '0'])).toMatchObject({
      host: '0.0.0.0',
      port: 0,
    });
  });

  it('gives fault commands the data dir, where the lab key is read', () => {
    expect(parseLabArgs(['fault', 'throttle', '0.5', '--data-dir', '/tmp/lab'])).toMatchObject({
      command: 'fault',
      dataDir: '/tmp/lab',
    });
  });
});
