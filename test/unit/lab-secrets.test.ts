import { describe, expect, it } from 'vitest';
import { LabError } from '../../src/lab/lab-error';
import { pageOf } from '../../src/lab/secrets/paging';
import { generatePassword, RDS_PASSWORD_RULES } from '../../src/lab/secrets/password-generator';
import { getSecretValueInput, listSecretsInput } from '../../src/lab/secrets/request-schemas';
import { parseInput } from '../../src/lab/secrets/request-validation';
import { matchesFilters, type SecretFilter } from '../../src/lab/secrets/secret-filters';
import type { StoredSecret } from '../../src/lab/secrets/secret-model';
import { addVersion, attachStage, findVersion, versionsToStages } from '../../src/lab/secrets/version-stages';

function secret(overrides: Partial<StoredSecret> = {}): StoredSecret {
  return {
    arn: 'arn:aws:secretsmanager:us-east-1:000000000000:secret:prod/db/creds-AbCdEf',
    name: 'prod/db/creds',
    description: 'Course Database password',
    tags: [{ Key: 'team', Value: 'platform' }],
    createdAt: '2025-01-01T00:00:00.000Z',
    lastChangedAt: '2025-01-01T00:00:00.000Z',
    versions: [],
    ...overrides,
  };
}

function thrown(run: () => unknown): LabError {
  try {
    run();
  } catch (error) {
    if (error instanceof LabError) return error;
    throw error;
  }
  throw new Error('expected a LabError');
}

describe('version stages', () => {
  it('moves AWSCURRENT to a new version and AWSPREVIOUS to the one it left', () => {
    const s = secret();
    addVersion(s, 'v1', { secretString: 'one' }, ['AWSCURRENT'], 't1');
    addVersion(s, 'v2', { secretString: 'two' }, ['AWSCURRENT'], 't2');
    addVersion(s, 'v3', { secretString: 'three' }, ['AWSCURRENT'], 't3');
    expect(versionsToStages(s)).toEqual({ v2: ['AWSPREVIOUS'], v3: ['AWSCURRENT'] });
    expect(findVersion(s, undefined, undefined).versionId).toBe('v3');
    expect(findVersion(s, 'v1', undefined).secretString).toBe('one');
  });

  it('leaves AWSCURRENT alone when another label moves', () => {
    const s = secret();
    addVersion(s, 'v1', { secretString: 'one' }, ['AWSCURRENT'], 't1');
    addVersion(s, 'v2', { secretString: 'two' }, ['test'], 't2');
    attachStage(s, 'test', 'v1');
    expect(versionsToStages(s)).toEqual({ v1: ['AWSCURRENT', 'test'] });
  });

  it('reports an unknown version or label as ResourceNotFoundException', () => {
    const s = secret();
    addVersion(s, 'v1', { secretString: 'one' }, ['AWSCURRENT'], 't1');
    expect(thrown(() => findVersion(s, undefined, 'AWSPENDING')).message).toMatch(
      /staging label: AWSPENDING/,
    );
    expect(thrown(() => findVersion(s, 'nope', undefined)).code).toBe('ResourceNotFoundException');
  });
});

describe('ListSecrets filters', () => {
  const s = secret({ owningService: 'rds' });
  const matches = (...filters: SecretFilter[]): boolean => matchesFilters(s, filters, 'us-east-1');

  it('match by prefix, case-sensitive except description and all', () => {
    expect(matches({ Key: 'name', Values: ['prod/'] })).toBe(true);
    expect(matches({ Key: 'name', Values: ['Prod/'] })).toBe(false);
    expect(matches({ Key: 'name', Values: ['db'] })).toBe(false);
    expect(matches({ Key: 'description', Values: ['course'] })).toBe(true);
    expect(matches({ Key: 'tag-key', Values: ['te'] })).toBe(true);
    expect(matches({ Key: 'tag-value', Values: ['plat'] })).toBe(true);
    expect(matches({ Key: 'owning-service', Values: ['rds'] })).toBe(true);
    expect(matches({ Key: 'primary-region', Values: ['eu-'] })).toBe(false);
    expect(matches({ Key: 'all', Values: ['DB password'] })).toBe(true);
    expect(matches({ Key: 'all', Values: ['db nothing'] })).toBe(false);
  });

  it('OR values within a filter, AND filters, and negate with !', () => {
    expect(matches({ Key: 'name', Values: ['dev/', 'prod/'] })).toBe(true);
    expect(matches({ Key: 'name', Values: ['prod/'] }, { Key: 'tag-key', Values: ['owner'] })).toBe(false);
    expect(matches({ Key: 'name', Values: ['!prod/'] })).toBe(false);
    expect(matches({ Key: 'name', Values: ['!dev/'] })).toBe(true);
  });
});

describe('paging', () => {
  const items = ['a', 'b', 'c', 'd', 'e'];

  it('walks every item once, by a token naming the last item', () => {
    const seen: string[] = [];
    let token: string | undefined;
    do {
      const page = pageOf(items, (item) => [item], { maxResults: 2, nextToken: token });
      seen.push(...page.items);
      token = page.nextToken;
    } while (token);
    expect(seen).toEqual(items);
  });

  it('keeps its place when items are added or removed between pages', () => {
    const first = pageOf(items, (item) => [item], { maxResults: 2 });
    const changed = ['0', 'a', 'c', 'd', 'e'];
    expect(pageOf(changed, (item) => [item], { maxResults: 2, nextToken: first.nextToken }).items).toEqual([
      'c',
      'd',
    ]);
  });

  it('sorts descending and refuses a token it did not hand out', () => {
    expect(pageOf(items, (item) => [item], { maxResults: 2, descending: true }).items).toEqual(['e', 'd']);
    expect(thrown(() => pageOf(items, (item) => [item], { maxResults: 2, nextToken: 'garbage' })).code).toBe(
      'InvalidNextTokenException',
    );
  });
});

describe('request validation', () => {
  it('reports a missing member as AWS does', () => {
    const error = thrown(() => parseInput(getSecretValueInput, {}));
    expect(error.code).toBe('ValidationException');
    expect(error.message).toBe(
      "1 validation error detected: Value null at 'secretId' failed to satisfy constraint: Member must not be null",
    );
  });

  it('lists every broken constraint, with lowerCamel member paths', () => {
    const error = thrown(() =>
      parseInput(listSecretsInput, {
        MaxResults: 500,
        SortOrder: 'up',
        Filters: [{ Key: 'name', Values: [] }],
      }),
    );
    expect(error.code).toBe('ValidationException');
    expect(error.message).toMatch(/^3 validation errors detected: /);
    expect(error.message).toContain(
      "at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 100",
    );
    expect(error.message).toContain(
      "at 'filters.1.member.values' failed to satisfy constraint: Member must have length greater",
    );
    expect(error.message).toContain('Member must satisfy enum value set: [asc, desc]');
  });

  it('calls a member of the wrong JSON type a SerializationException', () => {
    expect(thrown(() => parseInput(getSecretValueInput, { SecretId: 5 })).code).toBe(
      'SerializationException',
    );
  });
});

describe('generatePassword', () => {
  it('includes every class by default and honours the length', () => {
    const password = generatePassword({ length: 40 });
    expect(password).toHaveLength(40);
    for (const pattern of [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/]) expect(password).toMatch(pattern);
  });

  it('never uses the characters RDS refuses in master passwords', () => {
    for (let i = 0; i < 50; i++) {
      const password = generatePassword(RDS_PASSWORD_RULES);
      expect(password).toHaveLength(28);
      expect(password).not.toMatch(/[/"@'\\` ]/);
    }
  });

  it('refuses rules that leave nothing to choose from', () => {
    const none = {
      excludeLowercase: true,
      excludeUppercase: true,
      excludeNumbers: true,
      excludePunctuation: true,
    };
    expect(thrown(() => generatePassword(none)).code).toBe('InvalidParameterException');
  });
});
