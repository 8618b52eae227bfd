import { describe, expect, it } from 'vitest';
import { isAllowedOrigin, normalizeOrigin } from './origin';

describe('isAllowedOrigin', () => {
  it('takes the server’s own host and port, whatever the scheme (a TLS proxy in front)', () => {
    expect(isAllowedOrigin('http://127.0.0.1:3000', '127.0.0.1:3000', [])).toBe(true);
    expect(isAllowedOrigin('https://toc.example.go.th', 'toc.example.go.th', [])).toBe(true);
    expect(isAllowedOrigin('https://TOC.example.go.th', 'toc.example.go.th', [])).toBe(true);
  });

  it('refuses another host, another port, a missing or opaque origin', () => {
    expect(isAllowedOrigin('https://evil.example', 'toc.example.go.th', [])).toBe(false);
    expect(isAllowedOrigin('http://127.0.0.1:5173', '127.0.0.1:3000', [])).toBe(false);
    expect(isAllowedOrigin(undefined, 'toc.example.go.th', [])).toBe(false);
    expect(isAllowedOrigin('null', 'toc.example.go.th', [])).toBe(false);
    expect(isAllowedOrigin('file:///tmp/page.html', 'toc.example.go.th', [])).toBe(false);
  });

  it('takes a configured origin exactly, scheme included', () => {
    const allowed = ['https://wall.example.go.th'];
    expect(isAllowedOrigin('https://wall.example.go.th', 'internal:3000', allowed)).toBe(true);
    expect(isAllowedOrigin('http://wall.example.go.th', 'internal:3000', allowed)).toBe(false);
  });

  it('normalizes what ALLOWED_ORIGINS may hold', () => {
    expect(normalizeOrigin('HTTPS://Wall.Example.go.th:443/')).toBe('https://wall.example.go.th');
    expect(normalizeOrigin('wall.example.go.th')).toBeNull();
  });
});
