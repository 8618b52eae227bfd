// Camera passwords never reach a log line or an error shown to users.
import { describe, expect, it } from 'vitest';
import { redactCredentials, redactUrlSecrets } from './redact-credentials';

describe('redactCredentials', () => {
  it('hides every user:password in a text and leaves plain URLs alone', () => {
    expect(redactCredentials('rtsp://admin:s3cret@10.0.0.5/ch1: Connection refused (rtsp://u:p@h/x)')).toBe(
      'rtsp://***@10.0.0.5/ch1: Connection refused (rtsp://***@h/x)',
    );
    expect(redactCredentials('rtsp://10.0.0.5:554/stream')).toBe('rtsp://10.0.0.5:554/stream');
  });

  it('hides known secrets wherever they appear, longest first', () => {
    const text = '401 Unauthorized for user cam-admin (password cam-admin-pw) at rtsp://10.0.0.5/ch1';
    expect(redactCredentials(text, ['cam-admin', 'cam-admin-pw'])).toBe('401 Unauthorized for user *** (password ***) at rtsp://10.0.0.5/ch1');
  });
});

describe('redactUrlSecrets', () => {
  it('hides key and token query values and keeps the rest', () => {
    expect(redactUrlSecrets('/api/gps/osmand?id=bus-1&key=s3cret&lat=13.6')).toBe('/api/gps/osmand?id=bus-1&key=***&lat=13.6');
    expect(redactUrlSecrets('/x?TOKEN=abc')).toBe('/x?TOKEN=***');
    expect(redactUrlSecrets('/api/gps/osmand?id=monkey=1')).toBe('/api/gps/osmand?id=monkey=1');
  });
});
