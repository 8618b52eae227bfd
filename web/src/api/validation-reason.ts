// Reads the server's schema-validation refusal ("body/zones/0/name must NOT have fewer than 1 characters", English
// only: its Thai text just prefixes the same words) into the field and the rule, so the web can say it in Thai too.

export type ValidationRule =
  | { kind: 'required' }
  | { kind: 'minLength' | 'maxLength' | 'minItems' | 'maxItems' | 'minProperties' | 'maxProperties'; limit: number }
  | { kind: 'minimum' | 'maximum' | 'exclusiveMinimum' | 'exclusiveMaximum'; limit: number }
  | { kind: 'type'; type: string }
  | { kind: 'pattern' }
  | { kind: 'format'; format: string }
  | { kind: 'allowedValues' }
  | { kind: 'unknownField' }
  | { kind: 'other' };

export interface ValidationReason {
  /** Which part of the request: 'body', 'querystring', 'params' or 'headers'. */
  part: string;
  /** The field below that part, e.g. ['zones', '0', 'name']; [] for the part as a whole. */
  path: string[];
  rule: ValidationRule;
}

// The validator's English messages (ajv), one per rule the schemas use.
const RULES: [RegExp, (m: RegExpExecArray) => ValidationRule][] = [
  [/^must NOT have fewer than (\d+) characters$/, (m) => ({ kind: 'minLength', limit: Number(m[1]) })],
  [/^must NOT have more than (\d+) characters$/, (m) => ({ kind: 'maxLength', limit: Number(m[1]) })],
  [/^must NOT have fewer than (\d+) items$/, (m) => ({ kind: 'minItems', limit: Number(m[1]) })],
  [/^must NOT have more than (\d+) items$/, (m) => ({ kind: 'maxItems', limit: Number(m[1]) })],
  [/^must NOT have fewer than (\d+) properties$/, (m) => ({ kind: 'minProperties', limit: Number(m[1]) })],
  [/^must NOT have more than (\d+) properties$/, (m) => ({ kind: 'maxProperties', limit: Number(m[1]) })],
  [/^must be >= (-?[\d.e+-]+)$/, (m) => ({ kind: 'minimum', limit: Number(m[1]) })],
  [/^must be <= (-?[\d.e+-]+)$/, (m) => ({ kind: 'maximum', limit: Number(m[1]) })],
  [/^must be > (-?[\d.e+-]+)$/, (m) => ({ kind: 'exclusiveMinimum', limit: Number(m[1]) })],
  [/^must be < (-?[\d.e+-]+)$/, (m) => ({ kind: 'exclusiveMaximum', limit: Number(m[1]) })],
  [/^must match pattern /, () => ({ kind: 'pattern' })],
  [/^must match format "([^"]*)"$/, (m) => ({ kind: 'format', format: m[1]! })],
  [/^must be equal to (one of the allowed values|constant)$/, () => ({ kind: 'allowedValues' })],
  [/^must NOT have additional properties$/, () => ({ kind: 'unknownField' })],
  [/^must be (\w+(?:,\w+)*)$/, (m) => ({ kind: 'type', type: m[1]! })],
];

const PART = /^(body|querystring|params|headers)((?:\/[^\s/]*)*) (must .*)$/s;

function parseOne(text: string): ValidationReason | null {
  const match = PART.exec(text);
  if (!match) return null;
  const path = match[2]!.split('/').filter((segment) => segment !== '').map(decodePointer);
  const message = match[3]!;
  const required = /^must have required property '([^']*)'$/.exec(message);
  // A missing field is named in the message, not in the path.
  if (required) return { part: match[1]!, path: [...path, required[1]!], rule: { kind: 'required' } };
  for (const [pattern, rule] of RULES) {
    const hit = pattern.exec(message);
    if (hit) return { part: match[1]!, path, rule: rule(hit) };
  }
  return { part: match[1]!, path, rule: { kind: 'other' } };
}

/** JSON Pointer escapes in a path segment: ~1 is '/', ~0 is '~'. */
const decodePointer = (segment: string) => segment.replace(/~1/g, '/').replace(/~0/g, '~');

/**
 * The first reason of a validation refusal, or null when the message is not one (the server's own bilingual
 * reasons are shown as they are). The validator lists alternatives of a union after the first, most specific one.
 */
export function parseValidationReason(message: string): ValidationReason | null {
  const first = message.split(/, (?=(?:body|querystring|params|headers)[/ ])/)[0]!;
  return parseOne(first);
}
