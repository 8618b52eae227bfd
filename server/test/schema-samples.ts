// Test helper: a small valid value for a route's JSON schema (TypeBox output), deterministic, so that a bad input can
// change one field of an otherwise good request and be refused for that field alone.
import fc from 'fast-check';

/** The subset of JSON Schema that the route schemas use. */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  patternProperties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  minProperties?: number;
  items?: JsonSchema | JsonSchema[];
  prefixItems?: JsonSchema[];
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  default?: unknown;
}

export const SAMPLE_TIME = '2024-06-01T03:00:00.000Z';
/** Chachoengsao, for fields named after a coordinate (0,0 is refused as "no fix" in places). */
const NAMED_NUMBERS: Record<string, number> = { lon: 101.07, lat: 13.69 };
/** Domain-shaped strings tried first for a pattern, before a generated one. */
const PATTERN_CANDIDATES = ['rtsp://192.0.2.10:554/stream1', 'sample', 'sample-1', '100.9,13.4,101.9,14.1', '20240601', SAMPLE_TIME];

export const isNullSchema = (schema: JsonSchema) => schema.type === 'null';
export const tupleItems = (schema: JsonSchema): JsonSchema[] | undefined =>
  schema.prefixItems ?? (Array.isArray(schema.items) ? schema.items : undefined);
export const typeOf = (schema: JsonSchema): string | undefined => (Array.isArray(schema.type) ? schema.type[0] : schema.type);

function sampleString(schema: JsonSchema): string {
  if (schema.format === 'date-time') return SAMPLE_TIME;
  if (schema.format === 'date') return SAMPLE_TIME.slice(0, 10);
  const min = schema.minLength ?? 0;
  const max = schema.maxLength ?? Number.POSITIVE_INFINITY;
  const fits = (text: string) => text.length >= min && text.length <= max;
  if (schema.pattern !== undefined) {
    const pattern = new RegExp(schema.pattern, 'u');
    const known = PATTERN_CANDIDATES.find((text) => pattern.test(text) && fits(text));
    if (known !== undefined) return known;
    const [generated] = fc.sample(fc.stringMatching(pattern).filter(fits), { seed: 11, numRuns: 1 });
    return generated!;
  }
  return 'sample'.padEnd(min, 'x').slice(0, Math.max(min, Math.min(max, 6)));
}

function sampleNumber(schema: JsonSchema, name: string | undefined, integer: boolean): number {
  const low = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + (integer ? 1 : 0.5) : undefined);
  const high = schema.maximum ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - (integer ? 1 : 0.5) : undefined);
  const named = name !== undefined ? NAMED_NUMBERS[name] : undefined;
  let value = named ?? (low !== undefined && high !== undefined && !integer ? (low + high) / 2 : (low ?? 1));
  if (low !== undefined) value = Math.max(value, low);
  if (high !== undefined) value = Math.min(value, high);
  return integer ? Math.ceil(value) : value;
}

/** A valid value with the required properties only (optional ones are left out). */
export function sampleValue(schema: JsonSchema, name?: string): unknown {
  if (schema.default !== undefined) return schema.default;
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  if (schema.anyOf) return sampleValue(schema.anyOf.find((branch) => !isNullSchema(branch)) ?? schema.anyOf[0]!, name);
  switch (typeOf(schema)) {
    case 'string':
      return sampleString(schema);
    case 'integer':
      return sampleNumber(schema, name, true);
    case 'number':
      return sampleNumber(schema, name, false);
    case 'boolean':
      return false;
    case 'null':
      return null;
    case 'array': {
      const tuple = tupleItems(schema);
      if (tuple) return tuple.map((item) => sampleValue(item));
      const count = Math.min(Math.max(schema.minItems ?? 0, 1), schema.maxItems ?? 1);
      return Array.from({ length: count }, () => sampleValue(schema.items as JsonSchema));
    }
    case 'object': {
      const object: Record<string, unknown> = {};
      const optional = Object.keys(schema.properties ?? {}).filter((key) => !schema.required?.includes(key));
      // The required properties, and as many optional ones as minProperties asks for (an update names one field).
      const keys = [...(schema.required ?? []), ...optional.slice(0, Math.max(0, (schema.minProperties ?? 0) - (schema.required?.length ?? 0)))];
      for (const key of keys) {
        const property = schema.properties?.[key];
        if (property) object[key] = sampleValue(property, key);
      }
      return object;
    }
    default:
      return {};
  }
}
