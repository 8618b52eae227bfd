// Camera passwords never reach a log line or an error shown to users.
import { describe, expect, it } from 'vitest';
import { redactCredentials } from './redact-credentials';

describe('redactCredentials', () => {
  it('hides every user:password in a text and leaves plain URLs alone', () => {
    expect(redactCredentials('rtsp://admin:s3cret@10.0.0.5/ch1: Connection refused (rtsp://u:p@h/x)')).toBe(
      'rtsp://***@10.0.0.5/ch1: Connection refused (rtsp://***@h/x)',
    );
    expect(redactCredentials('rtsp://10.0.0.5:554/stream')).toBe('rtsp://10.0.0.5:554/stream');
  });
});
