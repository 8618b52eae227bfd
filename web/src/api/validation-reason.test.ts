import { describe, expect, it } from 'vitest';
import { parseValidationReason } from './validation-reason';

describe('parseValidationReason', () => {
  it('reads the field path and the rule of the validator’s messages', () => {
    expect(parseValidationReason('body/zones/0/name must NOT have fewer than 1 characters')).toEqual({
      part: 'body',
      path: ['zones', '0', 'name'],
      rule: { kind: 'minLength', limit: 1 },
    });
    expect(parseValidationReason('body/cycleSeconds must be <= 600')?.rule).toEqual({ kind: 'maximum', limit: 600 });
    expect(parseValidationReason('body/fovDeg must be > 0')?.rule).toEqual({ kind: 'exclusiveMinimum', limit: 0 });
    expect(parseValidationReason('body/rows must be integer')?.rule).toEqual({ kind: 'type', type: 'integer' });
    expect(parseValidationReason('body/zones/1/polygon must NOT have fewer than 3 items')?.rule).toEqual({ kind: 'minItems', limit: 3 });
    expect(parseValidationReason('body/zones/0/kind must be equal to one of the allowed values')?.rule).toEqual({ kind: 'allowedValues' });
    expect(parseValidationReason('querystring/from must match format "date-time"')).toEqual({
      part: 'querystring',
      path: ['from'],
      rule: { kind: 'format', format: 'date-time' },
    });
    expect(parseValidationReason('body must NOT have additional properties')).toEqual({ part: 'body', path: [], rule: { kind: 'unknownField' } });
  });

  it('reads a pattern refusal without being misled by the pattern’s own characters', () => {
    const message = `body/rtspUrl must match pattern "^rtsp://[A-Za-z0-9._~%!$&'()*+,;=:@\\-]+(/[A-Za-z0-9._~%!$&'()*+,;=:@/\\-]*)?$"`;
    expect(parseValidationReason(message)).toEqual({ part: 'body', path: ['rtspUrl'], rule: { kind: 'pattern' } });
  });

  it('names a missing field by the property the message gives', () => {
    expect(parseValidationReason("body/groups/0 must have required property 'nameTh'")).toEqual({
      part: 'body',
      path: ['groups', '0', 'nameTh'],
      rule: { kind: 'required' },
    });
  });

  it('keeps the first, most specific reason of a union’s list', () => {
    const message =
      'body/rtspCredentials/username must NOT have fewer than 1 characters, body/rtspCredentials must be null, body/rtspCredentials must match a schema in anyOf';
    expect(parseValidationReason(message)?.path).toEqual(['rtspCredentials', 'username']);
  });

  it('is null for the server’s own reasons, which come in both languages', () => {
    expect(parseValidationReason('cycleSeconds must be 0 (no cycling) or from 5 to 600 seconds')).toBeNull();
    expect(parseValidationReason('zones/0: the zone crosses itself')).toBeNull();
    expect(parseValidationReason('Camera not found')).toBeNull();
  });
});
