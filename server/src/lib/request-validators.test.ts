// Small: JSON bodies are validated without coercion; query strings are coerced but must give finite numbers.
import { describe, expect, it } from 'vitest';
import { nonFiniteAt, requestValidatorFactory } from './request-validators';

type Validate = ((data: unknown) => boolean) & { errors?: { instancePath: string; message: string }[] | null };
const options = { customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true, allErrors: false } };
const build = (requestValidatorFactory as unknown as (schemas: object, opts: object) => (route: object) => Validate)({}, options);
const schema = {
  type: 'object',
  properties: { n: { type: 'number' }, id: { type: 'integer', minimum: 1, maximum: 2147483647 }, tags: { type: 'array', items: { type: 'string' } } },
};
const validatorFor = (httpPart: string) => build({ schema, method: 'POST', url: '/x', httpPart });

describe('request validators', () => {
  it('takes a JSON body as it is: no text for numbers, no null for 0', () => {
    const body = validatorFor('body');
    expect(body({ n: 13.7, id: 5 })).toBe(true);
    expect(body({ n: '13.7' })).toBe(false);
    expect(body({ id: null })).toBe(false);
    expect(body({ tags: 'one' })).toBe(false);
  });

  it('coerces query strings, single values to lists, and refuses what becomes Infinity', () => {
    const query = validatorFor('querystring');
    const data: Record<string, unknown> = { n: '13.7', id: '5', tags: 'one' };
    expect(query(data)).toBe(true);
    expect(data).toEqual({ n: 13.7, id: 5, tags: ['one'] });
    for (const id of ['1e400', '-1e400']) {
      expect(query({ id }), id).toBe(false);
      expect(query.errors?.[0]).toMatchObject({ instancePath: '/id', message: 'must be a finite number' });
    }
    expect(query({ n: '1e400' })).toBe(false);
    expect(query({ id: '2147483648' })).toBe(false);
  });

  it('finds a non-finite number anywhere', () => {
    expect(nonFiniteAt({ a: [1, { b: Infinity }] })).toBe('/a/1/b');
    expect(nonFiniteAt({ a: [1, 'x', null] })).toBeNull();
  });
});
