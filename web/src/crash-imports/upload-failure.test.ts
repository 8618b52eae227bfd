// Small tests for the words of a failed upload.
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/api-error';
import { failureText } from './upload-failure';

const refused = (status: number, reply: ConstructorParameters<typeof ApiError>[1]) => ({
  kind: 'refused' as const,
  error: new ApiError(status, reply),
});

describe('failureText', () => {
  it("gives the server's reason in the reader's language", () => {
    const failure = refused(400, { message: 'No date column', messageTh: 'ไม่มีคอลัมน์วันที่' });
    expect(failureText(failure, 'th')).toEqual({ reason: 'ไม่มีคอลัมน์วันที่' });
    expect(failureText(failure, 'en')).toEqual({ reason: 'No date column' });
  });

  it('says too large, wrong type and signed out in its own words, as a proxy may answer them', () => {
    expect(failureText(refused(413, {}), 'th')).toEqual({ key: 'crashImports.error.tooLarge' });
    expect(failureText(refused(415, { message: 'Unsupported Media Type' }), 'en')).toEqual({
      key: 'crashImports.error.wrongType',
    });
    expect(failureText(refused(401, { message: 'Sign in' }), 'en')).toEqual({
      key: 'crashImports.error.signedOut',
    });
  });

  it('names the status of a reply without reasons, and the network and a cancel', () => {
    expect(failureText(refused(502, {}), 'en')).toEqual({ key: 'crashImports.error.unknown', status: 502 });
    expect(failureText({ kind: 'network' }, 'th')).toEqual({ key: 'crashImports.error.network' });
    expect(failureText({ kind: 'cancelled' }, 'th')).toEqual({ key: 'crashImports.error.cancelled' });
  });
});
