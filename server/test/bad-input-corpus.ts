// Test helper: the deterministic bad-input corpus of one API operation. Each request is good except for one place
// (a path parameter, a query parameter, a body field, the body as a whole), so the server must refuse it for that
// place alone: malformed JSON, wrong types, missing fields, huge and NUL-bearing text, out-of-range and overflowing
// numbers, null items, injection strings, bad CSV/zip/image bodies, and the range rules schemas cannot say (bbox).
import type { InjectOptions } from 'fastify';
import type { ApiOperation } from './api-operations';
import { objectValues, RawJson, valuesFor, type BadValue } from './bad-values';
import { SAMPLE_TIME, sampleValue, type JsonSchema } from './schema-samples';

export interface BadRequest {
  label: string;
  request: InjectOptions;
}

export interface CorpusContext {
  /** An id that exists in every table a path names (so a bad body meets a real row). */
  existingId: number;
  /** Values for header parameters such as a device or trap key. */
  headers: Record<string, string>;
}

/** JSON text of a value, with RawJson numbers written as they are (1e400 cannot be a JavaScript number). */
export function toJson(value: unknown): string {
  const raws: string[] = [];
  const text = JSON.stringify(value, (_key, item: unknown) => {
    if (!(item instanceof RawJson)) return item;
    raws.push(item.text);
    return `@@raw${raws.length - 1}@@`;
  });
  return text.replace(/"@@raw(\d+)@@"/g, (_match, index: string) => raws[Number(index)]!);
}

const queryString = (query: Record<string, unknown>): string => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    for (const item of Array.isArray(value) ? value : [value]) if (item !== undefined) search.append(key, String(item));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
};

/** Range and order rules beyond the schema, by parameter name. */
const QUERY_RULES: Record<string, string[]> = {
  bbox: ['-181,0,1,1', '0,-91,1,1', '0,0,181,1', '0,0,1,91', '2,0,1,1', '0,2,1,1', '1,1,1,1'],
};
const BROKEN_JSON = [
  ['malformed JSON', '{"a":'],
  ['JSON with a trailing comma', '{"a":1,}'],
  ['empty JSON body', ''],
  ['JSON null', 'null'],
  ['JSON array', '[]'],
  ['JSON string', '"text"'],
  ['JSON number', '1e400'],
  ['JSON nested 20000 deep', `${'['.repeat(20_000)}${']'.repeat(20_000)}`],
];
/** Bodies for the routes whose body has no JSON schema of its own (a village file, an OsmAnd form). */
const SCHEMALESS_JSON: BadValue[] = [
  { label: 'features [null]', value: { type: 'FeatureCollection', features: [null] } },
  { label: 'features "abc"', value: { type: 'FeatureCollection', features: 'abc' } },
  { label: 'feature without geometry', value: { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { code: 'V1' } }] } },
  {
    label: 'coordinates as text',
    value: {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: ['101.1', '13.7'] }, properties: { code: 'V1', name: 'a', name_th: 'ก' } }],
    },
  },
  { label: 'NUL in a field', value: { id: 'dev\u0000', code: 'V\u0000', features: [] } },
  { label: 'NUL in a key', value: { ['id\u0000']: 'x' } },
  { label: '1 MB field', value: { id: 'A'.repeat(1_000_000) } },
];
const BAD_CSV = [
  ['CSV with an unclosed quote', 'code,name,name_th,lon,lat\nV1,"Ban,บ้าน,101.1,13.7\n'],
  ['CSV header only', 'code,name,name_th,lon,lat\n'],
  ['CSV with only bad rows', 'code,name,name_th,lon,lat\nV1,Ban,บ้าน,abc,13.7\nV 2,Ban,บ้าน,101.1,13.7\nV3,,,101.1,91\n'],
  ['CSV with a NUL byte', 'code,name,name_th,lon,lat\nV1,Ban\u0000,บ้าน,101.1,13.7\n'],
  ['CSV with injection rows only', "code,name,name_th,lon,lat\n../../etc/passwd,<script>,'; DROP TABLE places; --,1e400,13.7\n"],
  ['CSV over 5 MB', `code,name,name_th,lon,lat\n${'V1,Ban,บ้าน,101.1,13.7\n'.repeat(260_000)}`],
];
const BAD_BINARY = [
  ['empty body', Buffer.alloc(0)],
  ['text, not the declared type', Buffer.from('not a zip or an image')],
  ['JPEG header then garbage', Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(4096, 0x41)])],
  ['zip header then garbage', Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(4096, 0x00)])],
] as const;

export function corpusFor(operation: ApiOperation, context: CorpusContext): BadRequest[] {
  const params = operation.params?.properties ?? {};
  const goodParams: Record<string, string> = {};
  for (const [name, schema] of Object.entries(params)) {
    goodParams[name] = schema.type === 'integer' ? String(context.existingId) : String(schema.enum?.[0] ?? 'no-such-thing');
  }
  const goodQuery = operation.querystring ? (sampleValue(operation.querystring) as Record<string, unknown>) : {};
  // GET and HEAD carry no body (fastify does not read one), whatever the route's options list.
  const consumes = operation.method === 'GET' || operation.method === 'HEAD' ? [] : operation.consumes;
  const json = consumes.includes('application/json');
  const goodBody = operation.body ? sampleValue(operation.body) : undefined;
  const headerNames = Object.keys(operation.headers?.properties ?? {});
  const headers = Object.fromEntries(headerNames.filter((name) => name in context.headers).map((name) => [name, context.headers[name]!]));

  const urlWith = (paramValues: Record<string, string>, query: Record<string, unknown>) =>
    operation.url.replace(/:([A-Za-z0-9_]+)/g, (_m, name: string) => encodeURIComponent(paramValues[name]!)) + queryString(query);
  const goodUrl = urlWith(goodParams, goodQuery);
  const bodyOf = (): Partial<InjectOptions> => {
    if (goodBody !== undefined) return { headers: { ...headers, 'content-type': 'application/json' }, payload: toJson(goodBody) };
    if (consumes.length > 0 && !json) return { headers: { ...headers, 'content-type': consumes[0]! }, payload: BAD_BINARY[1][1] };
    return { headers };
  };
  const cases: BadRequest[] = [];
  const add = (label: string, request: Partial<InjectOptions> & { url: string }) =>
    cases.push({ label, request: { method: operation.method as InjectOptions['method'], headers, ...request } });

  for (const [name, schema] of Object.entries(params)) {
    for (const { label, value } of valuesFor(schema, 'path')) {
      add(`path ${name}: ${label}`, { ...bodyOf(), url: urlWith({ ...goodParams, [name]: String(value) }, goodQuery) });
    }
  }
  if (operation.querystring) {
    for (const { label, value } of objectValues(operation.querystring, 'query')) {
      add(`query ${label}`, { ...bodyOf(), url: urlWith(goodParams, value as Record<string, unknown>) });
    }
    const properties = operation.querystring.properties ?? {};
    for (const [name, rules] of Object.entries(QUERY_RULES)) {
      if (!(name in properties)) continue;
      for (const text of rules) add(`query ${name}: ${text}`, { ...bodyOf(), url: urlWith(goodParams, { ...goodQuery, [name]: text }) });
    }
    if ('from' in properties && 'to' in properties) {
      add('query from after to', { ...bodyOf(), url: urlWith(goodParams, { ...goodQuery, from: '2024-06-02T00:00:00Z', to: SAMPLE_TIME }) });
    }
  }
  if (json) {
    const jsonHeaders = { ...headers, 'content-type': 'application/json' };
    for (const [label, payload] of BROKEN_JSON) add(`body ${label}`, { url: goodUrl, headers: jsonHeaders, payload });
    if (operation.body) {
      for (const { label, value } of valuesFor(operation.body as JsonSchema, 'body')) {
        add(`body ${label}`, { url: goodUrl, headers: jsonHeaders, payload: toJson(value) });
      }
      add('body as text/plain', { url: goodUrl, headers: { ...headers, 'content-type': 'text/plain' }, payload: toJson(goodBody) });
    } else {
      for (const { label, value } of SCHEMALESS_JSON) add(`body ${label}`, { url: goodUrl, headers: jsonHeaders, payload: toJson(value) });
    }
  }
  if (consumes.includes('text/csv')) {
    for (const [label, payload] of BAD_CSV) add(`body ${label}`, { url: goodUrl, headers: { ...headers, 'content-type': 'text/csv' }, payload });
  }
  if (consumes.includes('application/x-www-form-urlencoded')) {
    const form = { ...headers, 'content-type': 'application/x-www-form-urlencoded' };
    add('form with a NUL byte', { url: goodUrl, headers: form, payload: 'id=dev%00&lat=13.7&lon=101.1' });
    add('form field over its limit', { url: goodUrl, headers: form, payload: `id=dev&lat=${'1'.repeat(300)}` });
  }
  const binary = consumes.find((type) => type.startsWith('image/') || type.includes('zip'));
  if (binary) {
    for (const [label, payload] of BAD_BINARY) add(`body ${label}`, { url: goodUrl, headers: { ...headers, 'content-type': binary }, payload });
  }
  return cases;
}
