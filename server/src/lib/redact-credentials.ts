// The one redaction for text that may carry a secret (ffmpeg output, error messages) before it is logged, stored
// or shown: URL user:password, key/token query parameters, and any known secret value wherever it appears.

/**
 * Hides `//user:pass@` in every URL of the text and each of `secrets` (a camera's user and password, raw and
 * decoded) wherever it appears: ffmpeg may print them outside a URL too, e.g. in an auth error.
 */
export function redactCredentials(text: string, secrets: readonly string[] = []): string {
  let redacted = text.replace(/\/\/[^/@\s]*@/g, '//***@');
  // Longest first, so a password containing the user name is hidden whole.
  for (const secret of [...secrets].sort((a, b) => b.length - a.length)) {
    if (secret.length >= 3) redacted = redacted.split(secret).join('***');
  }
  return redacted;
}

/** A request URL for the log: device keys sent as `?key=` (OsmAnd clients can only do that) must not land in it. */
export const redactUrlSecrets = (url: string): string => url.replace(/([?&](?:key|token)=)[^&#]*/gi, '$1***');
