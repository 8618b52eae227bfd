// A camera URL's `user:password@` part, split off to be sealed at rest and joined back only for ffmpeg.

export interface RtspCredentials {
  username: string;
  password: string;
}

/** The userinfo as it goes into a URL: the raw text from a URL as the admin wrote it, or encoded from fields. */
export type Userinfo = string;

const WITH_USERINFO = /^rtsp:\/\/([^/?#]*)@([^/?#@]*(?:[/?#].*)?)$/s;

/** `rtsp://user:pass@host/x` → `rtsp://host/x` and `user:pass`; a URL without userinfo comes back as it is. */
export function splitUserinfo(url: string): { url: string; userinfo: Userinfo | null } {
  const match = WITH_USERINFO.exec(url);
  if (!match) return { url, userinfo: null };
  return { url: `rtsp://${match[2]}`, userinfo: match[1] || null };
}

export const userinfoOf = (credentials: RtspCredentials): Userinfo =>
  `${encodeURIComponent(credentials.username)}:${encodeURIComponent(credentials.password)}`;

export const joinUserinfo = (url: string, userinfo: Userinfo | null): string =>
  userinfo ? url.replace(/^rtsp:\/\//, `rtsp://${userinfo}@`) : url;

const decoded = (text: string): string => {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
};

/** Every form in which the user or the password could appear in ffmpeg's output: raw and decoded. */
export function secretsOfUserinfo(userinfo: Userinfo | null): string[] {
  if (!userinfo) return [];
  const colon = userinfo.indexOf(':');
  const parts = colon < 0 ? [userinfo] : [userinfo.slice(0, colon), userinfo.slice(colon + 1)];
  return [...new Set(parts.flatMap((part) => [part, decoded(part)]))].filter((secret) => secret.length > 0);
}
