// Validates a camera URL before it reaches ffmpeg: rtsp:// only, no whitespace or option smuggling.
import { redactCredentials } from '@toc/server/lib/redact-credentials';
import { RTSP_URL_PATTERN } from '@toc/server/schemas';

const pattern = new RegExp(RTSP_URL_PATTERN);

export function assertSafeRtspUrl(url: string): void {
  if (!pattern.test(url)) throw new Error(`Camera URL is not a plain rtsp:// URL: ${redactRtspUrl(url)}`);
}

/** Hides credentials when a URL is logged or shown as a reason. */
export const redactRtspUrl = redactCredentials;
