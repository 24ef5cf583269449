import { generatePassword } from './password-generator';
import { parseInput } from './request-validation';
import { getRandomPasswordInput } from './request-schemas';
import type { SecretsAction } from './secrets-context';

/** GetRandomPassword: a password by the request's rules; nothing is stored. */
export const getRandomPassword: SecretsAction = async (_ctx, raw) => {
  const input = parseInput(getRandomPasswordInput, raw);
  const password = generatePassword({
    length: input.PasswordLength,
    excludeCharacters: input.ExcludeCharacters,
    excludeNumbers: input.ExcludeNumbers,
    excludePunctuation: input.ExcludePunctuation,
    excludeUppercase: input.ExcludeUppercase,
    excludeLowercase: input.ExcludeLowercase,
    includeSpace: input.IncludeSpace,
    requireEachIncludedType: input.RequireEachIncludedType,
  });
  return { RandomPassword: password };
};
