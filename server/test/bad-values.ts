// Test helper: the deterministic bad values for one place of a request schema (a body field, a query parameter, a path
// parameter): wrong types, out-of-range and overflowing numbers, NUL bytes, huge text, null items, injection strings.
// Every value here must be refused with a 4xx, whatever the route.
import { isNullSchema, sampleValue, tupleItems, typeOf, type JsonSchema } from './schema-samples';

export type Part = 'body' | 'query' | 'path';
export interface BadValue {
  label: string;
  value: unknown;
}

/** A JSON number text that JavaScript cannot hold (1e400 parses to Infinity): written into the body as it is. */
export class RawJson {
  constructor(readonly text: string) {}
}

export const HUGE_LENGTH = 1_000_000;
const HUGE = 'A'.repeat(HUGE_LENGTH);
export const INJECTIONS = ["1' OR '1'='1", "'; DROP TABLE cameras; --", '../../etc/passwd', '<script>alert(1)</script>'];
const BAD_DATE_TIMES = ['2024-13-01T00:00:00Z', '2024-02-30T00:00:00Z', '2024-06-01T25:00:00Z', '0000-01-01T00:00:00Z', '2024-06-01', 'abc'];
const INT4_OVERFLOW = 2 ** 31;
const UNSAFE_INTEGER = 2 ** 53;
const WRONG_TYPES: Record<string, unknown[]> = {
  string: [123, true, [], {}, null],
  number: ['13.7', true, [], {}, null],
  integer: ['13.7', true, [], {}, null],
  boolean: ['true', 1, [], {}, null],
  array: ['abc', 123, {}, null],
  object: ['abc', 123, [], null],
};

const bad = (label: string, value: unknown): BadValue => ({ label, value });
/** Query and path values travel as text. */
const asText = (part: Part, value: unknown) => (part === 'body' ? value : String(value));

/** A value with the NUL character inside, shaped like a good one so only the NUL is wrong. */
const withNul = (schema: JsonSchema) => `${String(sampleValue(schema)).slice(0, 3)}\u0000x`;

function stringValues(schema: JsonSchema, part: Part): BadValue[] {
  const values = [bad('NUL byte', withNul(schema)), bad('1 MB string', HUGE)];
  if ((schema.minLength ?? 0) >= 1 && part !== 'path') values.push(bad('empty string', ''));
  // An injection string is bad where the schema's pattern or format says no; elsewhere it is text (see acceptsText).
  const refused = INJECTIONS.filter((text) => !acceptsText(schema, text));
  values.push(...refused.map((text) => bad(`injection ${JSON.stringify(text)}`, text)));
  if (schema.format === 'date-time') values.push(...BAD_DATE_TIMES.map((text) => bad(`date-time ${text}`, text)));
  return values;
}

function choiceValues(choices: unknown[], part: Part): BadValue[] {
  const first = String(choices[0]);
  const values = [bad('not a choice', 'abc'), bad('NUL byte', `${first}\u0000`), bad('1 MB string', HUGE)];
  values.push(...INJECTIONS.map((text) => bad(`injection ${JSON.stringify(text)}`, text)));
  if (part === 'body') values.push(bad('number', 123), bad('null', null));
  if (part === 'query') values.push(bad('empty', ''));
  return values;
}

function numberValues(schema: JsonSchema, part: Part, integer: boolean): BadValue[] {
  const values = [bad('not a number', 'abc'), bad('1e400', part === 'body' ? new RawJson('1e400') : '1e400')];
  values.push(bad('-1e400', part === 'body' ? new RawJson('-1e400') : '-1e400'));
  const low = schema.minimum ?? schema.exclusiveMinimum;
  if (integer) values.push(bad('13.7', asText(part, 13.7)));
  if (integer && low !== undefined && low >= 0) values.push(bad('-1', asText(part, -1)));
  if (part === 'query') values.push(bad('empty', ''));
  if (low !== undefined) values.push(bad(`below ${low}`, asText(part, schema.minimum !== undefined ? low - 1 : low)));
  const high = schema.maximum ?? schema.exclusiveMaximum;
  if (high !== undefined) values.push(bad(`above ${high}`, asText(part, schema.maximum !== undefined ? high + 1 : high)));
  // Integers end up in PostgreSQL integer columns unless the schema says it allows more.
  if (integer && (high === undefined || high < INT4_OVERFLOW)) values.push(bad('2^31', asText(part, INT4_OVERFLOW)));
  if (integer) values.push(bad('2^53', asText(part, UNSAFE_INTEGER)));
  return values;
}

function arrayValues(schema: JsonSchema, part: Part): BadValue[] {
  const tuple = tupleItems(schema);
  const good = sampleValue(schema) as unknown[];
  const values: BadValue[] = [];
  const positions = tuple ?? [schema.items as JsonSchema];
  positions.forEach((item, index) => {
    for (const { label, value } of valuesFor(item, part)) {
      const array = [...good];
      array[index] = value;
      values.push(bad(`[${index}] ${label}`, array));
    }
  });
  const item = positions[0]!;
  const nullable = item.anyOf?.some(isNullSchema) || isNullSchema(item) || Object.keys(item).length === 0;
  if (part === 'body' && !nullable) values.push(bad('[null]', [null]), bad('[null] after a good item', [good[0], null]));
  if (schema.maxItems !== undefined && schema.maxItems < 10_000) {
    const unique = schema.uniqueItems && typeOf(item) === 'integer';
    const many = Array.from({ length: schema.maxItems + 1 }, (_, i) => (unique ? i + 1 : good[0]));
    values.push(bad(`${schema.maxItems + 1} items`, part === 'body' ? many : many.map(String)));
  }
  if ((schema.minItems ?? 0) >= 1 && part === 'body') values.push(bad(`${schema.minItems! - 1} items`, good.slice(0, schema.minItems! - 1)));
  return values;
}

/** Bad values of each property, in a body (or query) that is otherwise good. */
export function objectValues(schema: JsonSchema, part: Part): BadValue[] {
  const good = sampleValue(schema) as Record<string, unknown>;
  const values: BadValue[] = [];
  for (const key of schema.required ?? []) {
    if (schema.properties?.[key]?.default !== undefined) continue;
    const { [key]: _missing, ...rest } = good;
    values.push(bad(`${key} missing`, rest));
  }
  if (schema.additionalProperties === false) values.push(bad('unknown property', { ...good, unexpected: 'x' }));
  if ((schema.minProperties ?? 0) >= 1 && !(schema.required?.length ?? 0)) values.push(bad('no property', {}));
  for (const [key, property] of Object.entries(schema.properties ?? {})) {
    for (const { label, value } of valuesFor(property, part)) values.push(bad(`${key}: ${label}`, { ...good, [key]: value }));
  }
  if (schema.patternProperties && part === 'body') values.push(bad('NUL in a key', { ...good, 'k\u0000': sampleValue(Object.values(schema.patternProperties)[0]!) }));
  return values;
}

/** Every bad value for one place of a request. */
export function valuesFor(schema: JsonSchema, part: Part): BadValue[] {
  const wrongTypes = (type: string) => (part === 'body' ? (WRONG_TYPES[type] ?? []).map((value) => bad(`wrong type ${JSON.stringify(value)}`, value)) : []);
  if (schema.enum) return choiceValues(schema.enum, part);
  if (schema.const !== undefined) return choiceValues([schema.const], part);
  if (schema.anyOf) {
    const branches = schema.anyOf.filter((branch) => !isNullSchema(branch));
    if (branches.every((branch) => branch.const !== undefined)) return choiceValues(branches.map((b) => b.const), part);
    const nullable = branches.length < schema.anyOf.length;
    if (branches.length === 1) return valuesFor(branches[0]!, part).filter((v) => !(nullable && v.value === null));
    // A mix such as number | string: only what fits no branch.
    const types = new Set(branches.map(typeOf));
    const values = [bad('NUL byte', 'x\u0000'), bad('1 MB string', HUGE)].filter(() => types.has('string'));
    if (part === 'body') {
      for (const [type, value] of [['object', {}], ['array', []], ['boolean', true]] as const) if (!types.has(type)) values.push(bad(`wrong type ${type}`, value));
    }
    return values;
  }
  const type = typeOf(schema);
  switch (type) {
    case 'string':
      return [...wrongTypes(type), ...stringValues(schema, part)];
    case 'integer':
    case 'number':
      return [...wrongTypes(type), ...numberValues(schema, part, type === 'integer')];
    case 'boolean':
      return part === 'body' ? wrongTypes(type) : [bad('not a boolean', 'abc'), bad('2', '2')];
    case 'array':
      return [...wrongTypes(type), ...arrayValues(schema, part)];
    case 'object':
      return [...wrongTypes(type), ...objectValues(schema, part)];
    default:
      return [];
  }
}

/** Whether a string place takes this text as it is (no choice list or format refuses it, its pattern matches it). */
export function acceptsText(schema: JsonSchema, text: string): boolean {
  if (schema.enum || schema.const !== undefined || schema.format !== undefined || typeOf(schema) !== 'string') return false;
  return schema.pattern === undefined || new RegExp(schema.pattern, 'u').test(text);
}

/** The string places of an object schema (JSON pointers) with the injection strings each takes as plain text. */
export function textPlaces(schema: JsonSchema, prefix = ''): { place: string; texts: string[] }[] {
  if (schema.anyOf) return schema.anyOf.flatMap((branch) => textPlaces(branch, prefix));
  if (typeOf(schema) === 'string') {
    const texts = INJECTIONS.filter((text) => acceptsText(schema, text));
    return texts.length ? [{ place: prefix, texts }] : [];
  }
  if (typeOf(schema) !== 'object') return [];
  return Object.entries(schema.properties ?? {}).flatMap(([key, property]) => textPlaces(property, `${prefix}/${key}`));
}
