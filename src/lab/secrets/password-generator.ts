import { randomInt } from 'node:crypto';
import { LabError } from '../lab-error';

const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const DIGITS = '0123456789';
const PUNCTUATION = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~';

export interface PasswordRules {
  length?: number;
  excludeCharacters?: string;
  excludeNumbers?: boolean;
  excludePunctuation?: boolean;
  excludeUppercase?: boolean;
  excludeLowercase?: boolean;
  includeSpace?: boolean;
  requireEachIncludedType?: boolean;
}

/** RDS refuses `/`, `"`, `@` and spaces in master passwords; rotation must never pick them. */
export const RDS_PASSWORD_RULES: PasswordRules = { length: 28, excludeCharacters: '/"@\'\\`' };

/** A random password as GetRandomPassword makes it (32 characters of every class by default). */
export function generatePassword(rules: PasswordRules = {}): string {
  const length = rules.length ?? 32;
  const excluded = new Set(rules.excludeCharacters ?? '');
  const classes = [
    rules.excludeLowercase ? '' : LOWER,
    rules.excludeUppercase ? '' : UPPER,
    rules.excludeNumbers ? '' : DIGITS,
    rules.excludePunctuation ? '' : PUNCTUATION,
    rules.includeSpace ? ' ' : '',
  ]
    .map((chars) => [...chars].filter((char) => !excluded.has(char)).join(''))
    .filter((chars) => chars !== '');
  const requireEach = rules.requireEachIncludedType ?? true;
  if (classes.length === 0 || (requireEach && classes.length > length)) {
    throw new LabError(
      'InvalidParameterException',
      'The password length is too short to include a character of each required type, or every character is excluded.',
    );
  }
  const all = classes.join('');
  const chars = Array.from({ length }, () => pick(all));
  if (requireEach) {
    // One of each class at distinct random positions, so every class is present without a pattern.
    const positions = shuffled(Array.from({ length }, (_, index) => index)).slice(0, classes.length);
    classes.forEach((classChars, index) => {
      chars[positions[index] ?? 0] = pick(classChars);
    });
  }
  return chars.join('');
}

function pick(chars: string): string {
  return chars[randomInt(chars.length)] ?? '';
}

function shuffled<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}
