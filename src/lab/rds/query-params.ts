import { invalidParameterValue, missingParameter } from './errors';

/**
 * The flat parameters of a Query-protocol request (`Action`, `Filters.Filter.1.Name`, ...), read through
 * typed accessors that answer bad values with the errors RDS gives. Lists accept both the generic
 * `X.member.N` form and RDS's named members (`Filters.Filter.N`, `Tags.Tag.N`), as the SDK sends them.
 */
export class QueryParams {
  private constructor(private readonly values: ReadonlyMap<string, string>) {}

  /** Parameters from a form-encoded body and the URL's query string (both are allowed by the protocol). */
  static parse(body: string, search = ''): QueryParams {
    const values = new Map<string, string>();
    for (const source of [search, body]) {
      for (const [key, value] of new URLSearchParams(source)) values.set(key, value);
    }
    return new QueryParams(values);
  }

  static of(entries: Record<string, string>): QueryParams {
    return new QueryParams(new Map(Object.entries(entries)));
  }

  /** The raw value; an empty string counts as absent (the SDK sends `X=` for empty lists). */
  string(name: string): string | undefined {
    const value = this.values.get(name);
    return value === undefined || value === '' ? undefined : value;
  }

  requiredString(name: string): string {
    const value = this.string(name);
    if (value === undefined) throw missingParameter(name);
    return value;
  }

  int(name: string, range: { min?: number; max?: number } = {}): number | undefined {
    const raw = this.string(name);
    if (raw === undefined) return undefined;
    if (!/^-?\d{1,10}$/.test(raw))
      throw invalidParameterValue(`Invalid value '${raw}' for ${name}: must be an integer.`);
    const value = Number(raw);
    const { min = -Infinity, max = Infinity } = range;
    if (value < min || value > max) {
      throw invalidParameterValue(`Invalid value ${value} for ${name}. Must be between ${min} and ${max}.`);
    }
    return value;
  }

  bool(name: string): boolean | undefined {
    const raw = this.string(name);
    if (raw === undefined) return undefined;
    if (raw === 'true' || raw === 'false') return raw === 'true';
    throw invalidParameterValue(`Invalid value '${raw}' for ${name}: must be true or false.`);
  }

  date(name: string): Date | undefined {
    const raw = this.string(name);
    if (raw === undefined) return undefined;
    const date = new Date(raw);
    if (Number.isNaN(date.getTime()))
      throw invalidParameterValue(`Invalid value '${raw}' for ${name}: not a timestamp.`);
    return date;
  }

  /** A list of strings: `name.member.N` or `name.<member>.N`, in index order. */
  list(name: string, member: string): string[] {
    return this.indexed(name, member).flatMap(({ key }) => {
      const value = this.string(key);
      return value === undefined ? [] : [value];
    });
  }

  /** A list of structures, each read through its own scoped QueryParams. */
  structs(name: string, member: string): QueryParams[] {
    return this.indexed(name, member).map(({ key }) => this.scoped(`${key}.`));
  }

  names(): string[] {
    return [...this.values.keys()];
  }

  private scoped(prefix: string): QueryParams {
    const scoped = new Map<string, string>();
    for (const [key, value] of this.values) {
      if (key.startsWith(prefix)) scoped.set(key.slice(prefix.length), value);
    }
    return new QueryParams(scoped);
  }

  private indexed(name: string, member: string): { key: string; index: number }[] {
    const found = new Map<number, string>();
    for (const form of [`${name}.member.`, `${name}.${member}.`]) {
      for (const key of this.values.keys()) {
        if (!key.startsWith(form)) continue;
        const rest = key.slice(form.length);
        const index = Number(rest.split('.')[0]);
        if (Number.isInteger(index) && index > 0) found.set(index, `${form}${index}`);
      }
    }
    return [...found].sort(([a], [b]) => a - b).map(([index, key]) => ({ key, index }));
  }
}
