import { describe, expect, it } from 'vitest';
import type { Manifest } from '@toc/verifier/manifest';
import { fixtureLetterInput, fixtureManifest, FIXTURE_FINGERPRINT } from '../../test/handover-manifest';
import { renderHandoverLetterHtml } from './handover-letter-html';
import { verifyCommand } from './letter-annexes';
import { escapeHtml } from './letter-markup';
import { qrSvg } from './letter-qr';

/** Every string in a value with `suffix` appended: what a hostile or careless field would carry. */
function taint<T>(value: T, suffix: string): T {
  if (typeof value === 'string') return `${value}${suffix}` as T;
  if (Array.isArray(value)) return value.map((v) => taint(v, suffix)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, taint(v, suffix)])) as T;
  }
  return value;
}

describe('renderHandoverLetterHtml', () => {
  it('escapes a malicious case number', () => {
    const html = renderHandoverLetterHtml(
      fixtureLetterInput(fixtureManifest('1234/2569"><script>alert("x")</script>&')),
    );
    expect(html).not.toContain('<script');
    expect(html).toContain('1234/2569&quot;&gt;&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;');
  });

  it('lets no manifest value, key or file name in as markup', () => {
    const input = fixtureLetterInput(taint(fixtureManifest(), '<i>\'"'));
    const html = renderHandoverLetterHtml({
      ...input,
      publicKeyPem: `${input.publicKeyPem}<i>`,
      packageFileName: 'FR-2569-0042<i>.zip',
    });
    expect(html).not.toContain('<i>');
    expect(html).toContain('&lt;i&gt;&#39;&quot;');
  });

  it('lists every file with its size and SHA-256, and the key, hash and verify command', () => {
    const input = fixtureLetterInput();
    const html = renderHandoverLetterHtml(input);
    expect(html.match(/<tbody data-file>/g)).toHaveLength(input.manifest.files.length);
    for (const file of input.manifest.files) {
      expect(html).toContain(file.path);
      expect(html).toContain(file.sha256);
    }
    expect(html).toContain('62,914,560 B (60.0 MiB)');
    expect(html).toContain(input.manifestSha256);
    expect(html).toContain(escapeHtml(input.publicKeyPem.trim()));
    expect(html).toContain(
      `npm run verify -- FR-2569-0042-evidence.zip --fingerprint ${FIXTURE_FINGERPRINT}`,
    );
  });

  it('gives times on the Bangkok clock with Buddhist-Era years and ISO beside them', () => {
    const html = renderHandoverLetterHtml(fixtureLetterInput());
    expect(html).toContain('5 ธันวาคม 2569 17:30:00 น.');
    expect(html).toContain('2026-12-05T17:30:00+07:00');
    // The incident began 12:50 UTC: 19:50 in Bangkok.
    expect(html).toContain('4 ธันวาคม 2569 19:50:00 น.');
    expect(html).not.toMatch(/\b2026-12-0\dT\d\d:\d\d:\d\dZ/);
  });

  it('shows each camera in Thai and English with its gaps and their reasons', () => {
    const html = renderHandoverLetterHtml(fixtureLetterInput());
    expect(html).toContain('สะพานข้ามแม่น้ำบางปะกง (ขาออก)');
    expect(html).toContain('Bang Pakong River Bridge (eastbound)');
    expect(html).toContain('สาเหตุ / Reason: กล้องขาดการเชื่อมต่อ (camera offline)');
    expect(html).toContain('(2 นาที 35 วินาที / 2 min 35 s)');
  });

  it('carries the QR of the manifest hash and loads nothing from outside', () => {
    const input = fixtureLetterInput();
    const html = renderHandoverLetterHtml(input);
    expect(html).toContain(qrSvg(input.manifestSha256));
    expect(html).toContain("default-src 'none'");
    expect(html).not.toMatch(/\b(src|href)=/);
    expect(html).not.toMatch(/url\((?!data:)/);
    expect(html).toContain('font/woff2;base64,');
  });
});

describe('verifyCommand', () => {
  it('quotes a file name only when a shell needs it', () => {
    expect(verifyCommand('FR-2569-0042-evidence.zip', 'ab')).toBe(
      'npm run verify -- FR-2569-0042-evidence.zip --fingerprint ab',
    );
    expect(verifyCommand("case 1's.zip", 'ab')).toBe("npm run verify -- 'case 1'\\''s.zip' --fingerprint ab");
  });
});

describe('with an empty window', () => {
  it('says nothing was recorded and that there are no gaps', () => {
    const manifest: Manifest = fixtureManifest();
    manifest.cameras[0] = { ...manifest.cameras[0]!, covered: null, gaps: [], segments: [] };
    const html = renderHandoverLetterHtml(fixtureLetterInput(manifest));
    expect(html).toContain('ไม่มีภาพบันทึกในช่วงเวลานี้');
    expect(html).toContain('Nothing was recorded in the window');
  });
});
