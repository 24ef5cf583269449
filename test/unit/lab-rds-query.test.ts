import { describe, expect, it } from 'vitest';
import { LabError } from '../../src/lab/lab-error';
import { paginate } from '../../src/lab/rds/paging';
import { QueryParams } from '../../src/lab/rds/query-params';

function failure(run: () => unknown): { code: string; message: string } {
  try {
    run();
  } catch (error) {
    if (error instanceof LabError) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('expected a LabError');
}

describe('QueryParams', () => {
  it('reads form bodies and query strings, the body winning', () => {
    const params = QueryParams.parse(
      'Action=DescribeDBInstances&Version=2014-10-31&MaxRecords=20',
      '?Action=Other&X=1',
    );
    expect(params.string('Action')).toBe('DescribeDBInstances');
    expect(params.string('X')).toBe('1');
    expect(params.int('MaxRecords', { min: 20, max: 100 })).toBe(20);
  });

  it('decodes percent-encoding and plus signs as the SDK sends them', () => {
    const params = QueryParams.parse('MasterUserPassword=a%2Bb%26c%3Dd+e&Tags.Tag.1.Value=x%20y');
    expect(params.string('MasterUserPassword')).toBe('a+b&c=d e');
    expect(params.string('Tags.Tag.1.Value')).toBe('x y');
  });

  it('reads lists in member and named-member form, in index order', () => {
    const params = QueryParams.parse(
      'Ids.member.2=b&Ids.member.1=a&Ids.member.10=c&Names.Name.1=x&Filters.Filter.2.Name=engine&Filters.Filter.2.Values.Value.1=mysql&Filters.Filter.1.Name=db-instance-id&Filters.Filter.1.Values.Value.2=two&Filters.Filter.1.Values.Value.1=one',
    );
    expect(params.list('Ids', 'Id')).toEqual(['a', 'b', 'c']);
    expect(params.list('Names', 'Name')).toEqual(['x']);
    const filters = params
      .structs('Filters', 'Filter')
      .map((f) => [f.string('Name'), f.list('Values', 'Value')]);
    expect(filters).toEqual([
      ['db-instance-id', ['one', 'two']],
      ['engine', ['mysql']],
    ]);
  });

  it('treats empty values as absent (the SDK sends X= for empty lists)', () => {
    const params = QueryParams.parse('Filters=&DBName=&Tags=');
    expect(params.string('DBName')).toBeUndefined();
    expect(params.structs('Filters', 'Filter')).toEqual([]);
    expect(failure(() => params.requiredString('DBName'))).toEqual({
      code: 'MissingParameter',
      message: 'The request must contain the parameter DBName.',
    });
  });

  it('answers bad numbers, booleans and dates with InvalidParameterValue', () => {
    const params = QueryParams.of({
      MaxRecords: '5',
      Port: 'abc',
      MultiAZ: 'yes',
      StartTime: 'soon',
      Big: '99999999999',
    });
    expect(failure(() => params.int('MaxRecords', { min: 20, max: 100 }))).toEqual({
      code: 'InvalidParameterValue',
      message: 'Invalid value 5 for MaxRecords. Must be between 20 and 100.',
    });
    expect(failure(() => params.int('Port')).code).toBe('InvalidParameterValue');
    expect(failure(() => params.int('Big')).code).toBe('InvalidParameterValue');
    expect(failure(() => params.bool('MultiAZ')).message).toMatch(/must be true or false/);
    expect(failure(() => params.date('StartTime')).code).toBe('InvalidParameterValue');
    expect(QueryParams.of({ On: 'true', Off: 'false' }).bool('On')).toBe(true);
  });
});

describe('paginate', () => {
  const items = Array.from({ length: 45 }, (_, index) => index);

  it('pages with MaxRecords and an opaque marker until the end', () => {
    const first = paginate(items, QueryParams.of({ MaxRecords: '20' }));
    expect(first.items).toEqual(items.slice(0, 20));
    expect(first.marker).toEqual(expect.any(String));
    const second = paginate(items, QueryParams.of({ MaxRecords: '20', Marker: first.marker ?? '' }));
    const third = paginate(items, QueryParams.of({ MaxRecords: '20', Marker: second.marker ?? '' }));
    expect([...second.items, ...third.items]).toEqual(items.slice(20));
    expect(third.marker).toBeUndefined();
  });

  it('defaults to 100 and refuses a marker it did not issue', () => {
    expect(paginate(items, QueryParams.of({})).marker).toBeUndefined();
    expect(failure(() => paginate(items, QueryParams.of({ Marker: 'made-up' }))).code).toBe(
      'InvalidParameterValue',
    );
  });
});
