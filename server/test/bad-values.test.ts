// Small: the corpus generator itself. A sample is valid for its schema, and every bad value it derives is refused by
// the server's validators alone, except the NUL byte, which the input guard refuses before validation.
import { describe, expect, it } from 'vitest';
import {
  CalibrationInput,
  CameraCreate,
  CameraSceneInput,
  CameraUpdate,
  EventQuery,
  GpsDeviceInput,
  TrapCreate,
  VehicleInput,
  WallInput,
} from '../src/schemas';
import { requestValidatorFactory } from '../src/lib/request-validators';
import { RawJson, valuesFor, type Part } from './bad-values';
import { toJson } from './bad-input-corpus';
import { sampleValue, type JsonSchema } from './schema-samples';

// The server's ajv options (app.ts) through its own validator factory.
const options = { customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true, allErrors: false } };
const compile = (requestValidatorFactory as unknown as (schemas: object, opts: object) => (route: object) => (value: unknown) => boolean)({}, options);
const validatorFor = (schema: unknown, part: 'body' | 'query') =>
  compile({ schema, method: 'POST', url: '/x', httpPart: part === 'body' ? 'body' : 'querystring' });
/** As the server would see it: JSON text parsed back (1e400 becomes Infinity). */
const asReceived = (value: unknown) => JSON.parse(toJson(value)) as unknown;

const cases: [string, unknown, Part][] = [
  ['CameraCreate', CameraCreate, 'body'],
  ['CameraUpdate', CameraUpdate, 'body'],
  ['CameraSceneInput', CameraSceneInput, 'body'],
  ['CalibrationInput', CalibrationInput, 'body'],
  ['WallInput', WallInput, 'body'],
  ['VehicleInput', VehicleInput, 'body'],
  ['GpsDeviceInput', GpsDeviceInput, 'body'],
  ['TrapCreate', TrapCreate, 'body'],
  ['EventQuery', EventQuery, 'query'],
];

describe.each(cases)('bad values for %s', (_name, schema, part) => {
  const validate = validatorFor(schema, part === 'body' ? 'body' : 'query');

  it('starts from a valid sample', () => {
    expect(validate(structuredClone(sampleValue(schema as JsonSchema)))).toBe(true);
  });

  it('derives only values the schema refuses (NUL bytes aside)', () => {
    const values = valuesFor(schema as JsonSchema, part).filter(({ label }) => !label.includes('NUL'));
    expect(values.length).toBeGreaterThan(10);
    const accepted = values.filter(({ value }) => validate(part === 'body' ? asReceived(value) : structuredClone(value)));
    expect(accepted.map(({ label }) => label)).toEqual([]);
  });
});

describe('toJson', () => {
  it('writes numbers JavaScript cannot hold as they are', () => {
    expect(toJson({ a: new RawJson('1e400'), b: [new RawJson('-1e400')] })).toBe('{"a":1e400,"b":[-1e400]}');
  });
});
