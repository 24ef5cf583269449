import type { z } from 'zod';
import { LabError } from '../lab-error';

// Members whose values must never be echoed back in an error message.
const SENSITIVE = new Set(['SecretString', 'SecretBinary']);

type Issue = z.core.$ZodIssue;

/**
 * Parses a JSON-protocol request with its schema, failing as AWS's request layer does: a member of the
 * wrong JSON type is a SerializationException; a missing required member or a broken length, range or
 * enum constraint is a ValidationException listing every violation ("1 validation error detected:
 * Value null at 'secretId' failed to satisfy constraint: Member must not be null").
 */
export function parseInput<S extends z.ZodType>(schema: S, input: Record<string, unknown>): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = result.error.issues;
  const wrongType = issues.find(
    (issue) => issue.code === 'invalid_type' && valueAt(input, issue.path) !== undefined,
  );
  if (wrongType) {
    throw new LabError(
      'SerializationException',
      `Expected ${expectedOf(wrongType)} at '${memberPath(wrongType.path)}'.`,
    );
  }
  const violations = issues.map((issue) => violation(issue, input));
  const count = violations.length;
  throw new LabError(
    'ValidationException',
    `${count} validation error${count === 1 ? '' : 's'} detected: ${violations.join('; ')}`,
  );
}

function violation(issue: Issue, input: Record<string, unknown>): string {
  const path = memberPath(issue.path);
  const value = valueAt(input, issue.path);
  const shown = value === undefined ? 'null' : showValue(issue.path, value);
  return `Value ${shown} at '${path}' failed to satisfy constraint: ${constraint(issue, value)}`;
}

function constraint(issue: Issue, value: unknown): string {
  switch (issue.code) {
    case 'invalid_type':
      return value === undefined ? 'Member must not be null' : `Member must be a ${issue.expected}`;
    case 'too_small':
      return issue.origin === 'number'
        ? `Member must have value greater than or equal to ${String(issue.minimum)}`
        : `Member must have length greater than or equal to ${String(issue.minimum)}`;
    case 'too_big':
      return issue.origin === 'number'
        ? `Member must have value less than or equal to ${String(issue.maximum)}`
        : `Member must have length less than or equal to ${String(issue.maximum)}`;
    case 'invalid_value':
      return `Member must satisfy enum value set: [${issue.values.map(String).join(', ')}]`;
    default:
      return issue.message;
  }
}

function expectedOf(issue: Issue): string {
  return issue.code === 'invalid_type' ? issue.expected : 'another type';
}

/** AWS names members in messages in lowerCamel, list items as `name.N.member` (1-based). */
function memberPath(path: readonly PropertyKey[]): string {
  return path
    .map((key) =>
      typeof key === 'number'
        ? `${key + 1}.member`
        : String(key).charAt(0).toLowerCase() + String(key).slice(1),
    )
    .join('.');
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value: unknown = input;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function showValue(path: readonly PropertyKey[], value: unknown): string {
  if (path.some((key) => SENSITIVE.has(String(key)))) return "'***'";
  if (typeof value === 'string') return `'${value.length > 100 ? `${value.slice(0, 100)}…` : value}'`;
  if (typeof value === 'number' || typeof value === 'boolean') return `'${String(value)}'`;
  return "'[…]'";
}
