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
