// Camera URLs: the userinfo comes off for sealing and goes back on for ffmpeg unchanged; its secrets are listed for redaction.
import { describe, expect, it } from 'vitest';
import { joinUserinfo, secretsOfUserinfo, splitUserinfo, userinfoOf } from './rtsp-userinfo';

describe('rtsp userinfo', () => {
  it('splits user:password@ off and joins it back to the same URL', () => {
    const url = 'rtsp://admin:p%40ss@10.0.0.5:554/Streaming/Channels/101?transport=tcp';
    const split = splitUserinfo(url);
    expect(split).toEqual({ url: 'rtsp://10.0.0.5:554/Streaming/Channels/101?transport=tcp', userinfo: 'admin:p%40ss' });
    expect(joinUserinfo(split.url, split.userinfo)).toBe(url);
  });

  it('leaves a URL without userinfo alone, and an @ in the path is not userinfo', () => {
    expect(splitUserinfo('rtsp://10.0.0.5/a@b')).toEqual({ url: 'rtsp://10.0.0.5/a@b', userinfo: null });
    expect(joinUserinfo('rtsp://10.0.0.5/x', null)).toBe('rtsp://10.0.0.5/x');
  });

  it('encodes credentials given as fields, and lists every form of them for redaction', () => {
    const userinfo = userinfoOf({ username: 'op@site', password: 'a/b:c' });
    expect(userinfo).toBe('op%40site:a%2Fb%3Ac');
    expect(secretsOfUserinfo(userinfo).sort()).toEqual(['a%2Fb%3Ac', 'a/b:c', 'op%40site', 'op@site'].sort());
    expect(secretsOfUserinfo(null)).toEqual([]);
  });
});
