import { describe, expect, it } from 'vitest';
import { cookieHandshakeAllowed, csrfRefusal, isUnsafeMethod } from './csrf';

const host = 'toc.example.go.th';
const ours = { host, 'x-requested-with': 'toc' };

describe('csrfRefusal', () => {
  it('lets through a write with the header from our origin, or with no Origin and same-origin fetch metadata', () => {
    expect(csrfRefusal({ ...ours, origin: `https://${host}` }, [])).toBeNull();
    expect(csrfRefusal({ ...ours, 'sec-fetch-site': 'same-origin' }, [])).toBeNull();
    expect(csrfRefusal(ours, [])).toBeNull();
    expect(csrfRefusal({ ...ours, origin: 'https://wall.example.go.th' }, ['https://wall.example.go.th'])).toBeNull();
  });

  it('refuses a write without the header, even from our own origin', () => {
    const refusal = csrfRefusal({ host, origin: `https://${host}` }, []);
    expect(refusal?.statusCode).toBe(403);
    expect(refusal?.message).toMatch(/X-Requested-With/);
    expect(refusal?.messageTh).toMatch(/คุกกี้/);
    expect(csrfRefusal({ ...ours, 'x-requested-with': 'XMLHttpRequest' }, [])?.statusCode).toBe(403);
  });

  it('refuses a foreign Origin, or cross-site fetch metadata when there is no Origin', () => {
    expect(csrfRefusal({ ...ours, origin: 'https://evil.example' }, [])?.statusCode).toBe(403);
    expect(csrfRefusal({ ...ours, origin: 'null' }, [])?.statusCode).toBe(403);
    expect(csrfRefusal({ ...ours, 'sec-fetch-site': 'cross-site' }, [])?.statusCode).toBe(403);
    expect(csrfRefusal({ ...ours, 'sec-fetch-site': 'same-site' }, [])?.statusCode).toBe(403);
  });

  it('treats only GET, HEAD and OPTIONS as safe', () => {
    expect(['GET', 'HEAD', 'OPTIONS'].map(isUnsafeMethod)).toEqual([false, false, false]);
    expect(['POST', 'PUT', 'PATCH', 'DELETE'].map(isUnsafeMethod)).toEqual([true, true, true, true]);
  });
});

describe('cookieHandshakeAllowed', () => {
  it('judges a WebSocket handshake by its Origin alone', () => {
    expect(cookieHandshakeAllowed({ host, origin: `https://${host}` }, [])).toBe(true);
    expect(cookieHandshakeAllowed({ ...ours, origin: 'https://evil.example' }, [])).toBe(false);
  });

  it('takes a polling handshake without Origin when same-origin by Fetch metadata, or by the header where there is none', () => {
    expect(cookieHandshakeAllowed({ host, 'sec-fetch-site': 'same-origin' }, [])).toBe(true);
    expect(cookieHandshakeAllowed(ours, [])).toBe(true);
    expect(cookieHandshakeAllowed({ ...ours, 'sec-fetch-site': 'cross-site' }, [])).toBe(false);
    expect(cookieHandshakeAllowed({ host }, [])).toBe(false);
  });
});
