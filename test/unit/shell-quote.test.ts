import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cliListOption, cliOption, shellQuote } from '../../src/shared/shell-quote';

/** What a real POSIX shell makes of `printf '%s\0' <word> <word>...`: each word's text, NUL-ended. */
const printed = (quoted: string[]) =>
  execFileSync('sh', ['-c', `printf '%s\\0' ${quoted.join(' ')}`], { encoding: 'utf8' })
    .split('\0')
    .slice(0, -1);
/** The words a real shell splits `text` into. */
const words = (text: string) =>
  execFileSync('sh', ['-c', `for a in ${text}; do printf '%s\\0' "$a"; done`], { encoding: 'utf8' })
    .split('\0')
    .slice(0, -1);

// A process argument cannot hold NUL, so no command the app copies can either.
const noNul = (text: string) => !text.includes('\0');
// Whole code points, shell metacharacters and quotes over-represented.
const anyText = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.string({ unit: fc.constantFrom(...'\'"\\$`!*?[]{}~=;&|<> \t\n#-%:,@()') }),
);

describe('shellQuote', () => {
  it('is read back by sh as exactly the text, for any text', () => {
    fc.assert(
      // Many texts per shell, so hundreds of texts cost a few dozen processes.
      fc.property(fc.array(anyText.filter(noNul), { minLength: 1, maxLength: 25 }), (texts) => {
        expect(printed(texts.map(shellQuote))).toEqual(texts);
      }),
      { numRuns: 40 },
    );
  });

  it('keeps a region or identifier with shell syntax in it one word', () => {
    for (const value of ['us-east-1; rm -rf ~', 'a b', '$(id)', '`id`', "it's", '*', '~', '=ls', 'x\ny', ''])
      expect(words(shellQuote(value))).toEqual([value]);
  });

  it('leaves identifiers, ARNs and regions bare, so commands stay readable', () => {
    for (const word of ['orders', 'db.t3.micro', 'us-east-1', 'arn:aws:rds:us-east-1:1:db:a', 'a@b%c+d'])
      expect(shellQuote(word)).toBe(word);
  });
});

describe('AWS CLI options', () => {
  it('joins a value that looks like an option to its flag, as one word', () => {
    expect(words(cliOption('--region', '--endpoint-url=http://x'))).toEqual([
      '--region=--endpoint-url=http://x',
    ]);
    expect(words(cliOption('--region', 'us-east-1'))).toEqual(['--region', 'us-east-1']);
    expect(words(cliOption('--iops', 3000))).toEqual(['--iops', '3000']);
  });

  it('writes a list with an option-like item as one JSON argument', () => {
    expect(words(cliListOption('--ids', ['sg-1', 'sg 2']))).toEqual(['--ids', 'sg-1', 'sg 2']);
    expect(words(cliListOption('--ids', ['sg-1', '-x']))).toEqual(['--ids', '["sg-1","-x"]']);
  });
});
