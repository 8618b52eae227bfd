// Every failure code of the package verifier, on in-memory packages signed with throwaway keys.
import { createHash, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { ENVELOPE, PACKAGE_FORMAT, type Manifest } from './manifest';
import { nodeSignatureVerifier } from './node-signature';
import { FAILURE_CODES, type FailureCode, type VerifyReport } from './report';
import {
  TrustInputError,
  unreadablePackageReport,
  verifyPackage,
  type PackageSource,
} from './verify-package';

const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');
const utf8 = (text: string) => new TextEncoder().encode(text);

interface TestKey {
  privateKey: KeyObject;
  pem: string;
  fingerprint: string;
}

function newKey(): TestKey {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privateKey,
    pem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    fingerprint: sha256(publicKey.export({ type: 'spki', format: 'der' })),
  };
}

const KEY = newKey();
const OTHER_KEY = newKey();

const VIDEO = utf8('\u0000\u0000\u0000\u0018ftypmp42 pretend video bytes '.repeat(40));
const FORM = utf8('%PDF-1.4 scanned request form');

function baseManifest(key: TestKey): Manifest {
  return {
    format: PACKAGE_FORMAT,
    packageId: 'pkg-1',
    createdAt: '2026-12-05T10:30:00Z',
    software: { name: 'toc', version: '0.1.0', ffmpeg: '6.1' },
    clockSource: 'chrony',
    signer: { algorithm: 'Ed25519', publicKeyFingerprint: key.fingerprint },
    request: {
      id: 42,
      reference: 'FR-2569-0042',
      caseNumber: 'คดีอาญาที่ 1234/2569',
      station: 'สภ.บางปะกง',
      kind: 'online',
      requester: { name: 'ร.ต.อ. สมชาย', rank: 'ร.ต.อ.', username: 'police1' },
      approver: { name: 'Supervisor' },
      legalBasis: 'ป.วิ.อ. มาตรา 132',
      reason: 'hit and run',
      place: { lon: 101.06, lat: 13.49, label: null },
      window: { from: '2026-12-04T12:50:00Z', to: '2026-12-04T13:20:00Z' },
      steps: [{ status: 'approved', at: '2026-12-05T09:58:03Z', by: 'supervisor1' }],
    },
    cameras: [
      {
        id: 3,
        name: 'Bridge',
        nameTh: 'สะพาน',
        position: { lon: 101.06, lat: 13.49 },
        headingDeg: 90,
        fovDeg: 60,
        calibration: null,
        window: { from: '2026-12-04T12:55:00Z', to: '2026-12-04T13:15:00Z' },
        covered: { from: '2026-12-04T12:54:58Z', to: '2026-12-04T13:15:00Z' },
        gaps: [],
        segments: [
          {
            path: '3/2026-12-04/20261204T125000Z.mp4',
            startedAt: '2026-12-04T12:50:00Z',
            endedAt: '2026-12-04T13:00:00Z',
            bytes: 1000,
            sha256: sha256('segment'),
            interrupted: false,
          },
        ],
        files: ['video/camera-3.mp4'],
        cut: {
          tool: 'ffmpeg',
          arguments: ['-c', 'copy'],
          inputs: [{ name: 'segments.ffconcat', text: 'ffconcat version 1.0\n' }],
        },
      },
    ],
    files: [
      {
        path: 'video/camera-3.mp4',
        bytes: VIDEO.length,
        sha256: sha256(VIDEO),
        role: 'master',
        mediaType: 'video/mp4',
        cameraId: 3,
      },
      {
        path: 'attachments/form.pdf',
        bytes: FORM.length,
        sha256: sha256(FORM),
        role: 'attachment',
        mediaType: 'application/pdf',
      },
    ],
  };
}

type Entries = [name: string, bytes: Uint8Array][];

function signedEnvelope(manifestBytes: Uint8Array, key: TestKey): Entries {
  return [
    [ENVELOPE.manifest, manifestBytes],
    [ENVELOPE.signature, utf8(`${sign(null, manifestBytes, key.privateKey).toString('base64')}\n`)],
    [ENVELOPE.publicKey, utf8(key.pem)],
  ];
}

/** A complete, valid package; `edit` changes the manifest before it is signed. */
function buildPackage(key = KEY, edit: (manifest: Manifest) => unknown = (m) => m): Entries {
  const manifestBytes = utf8(`${JSON.stringify(edit(baseManifest(key)), null, 2)}\n`);
  return [
    ['video/camera-3.mp4', VIDEO],
    ['attachments/form.pdf', FORM],
    ...signedEnvelope(manifestBytes, key),
    [ENVELOPE.letter, utf8('%PDF letter')],
    [ENVELOPE.readme, utf8('how to verify')],
  ];
}

function memorySource(entries: Entries, unreadable: ReadonlySet<string> = new Set()): PackageSource {
  const find = (name: string) => {
    if (unreadable.has(name)) throw new Error('invalid stored block lengths');
    const entry = entries.find(([candidate]) => candidate === name);
    if (!entry) throw new Error(`no entry ${name}`);
    return entry[1];
  };
  return {
    names: () => entries.map(([name]) => name),
    readBytes: async (name) => find(name),
    readText: async (name) => new TextDecoder().decode(find(name)),
    sha256: async (name) => ({ hex: sha256(find(name)), bytes: find(name).length }),
  };
}

const replace = (entries: Entries, name: string, bytes: Uint8Array): Entries =>
  entries.map(([candidate, old]) => [candidate, candidate === name ? bytes : old]);
const without = (entries: Entries, name: string): Entries =>
  entries.filter(([candidate]) => candidate !== name);

const seen = new Set<FailureCode>();

async function verify(entries: Entries, trust = {}, unreadable?: ReadonlySet<string>): Promise<VerifyReport> {
  const report = await verifyPackage(memorySource(entries, unreadable), nodeSignatureVerifier, trust);
  for (const failure of report.failures) seen.add(failure.code);
  // Every line carries both languages.
  for (const line of [...report.failures, ...report.checks, ...report.warnings]) {
    expect(line.message).not.toBe('');
    expect(line.messageTh).toMatch(/[\u0E00-\u0E7F]/);
  }
  return report;
}

const codes = (report: VerifyReport) =>
  report.failures.map((failure) => [failure.code, failure.path ?? null]);

describe('verifyPackage', () => {
  it('passes a pristine package, naming the signer and the manifest hash', async () => {
    const entries = buildPackage();
    const report = await verify(entries, { publicKeyPem: KEY.pem });
    expect(report.failures).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.trusted).toBe('matched');
    expect(report.signerFingerprint).toBe(KEY.fingerprint);
    expect(report.manifestSha256).toBe(sha256(entries.find(([name]) => name === ENVELOPE.manifest)![1]));
    expect(report.manifest).toEqual({
      packageId: 'pkg-1',
      createdAt: '2026-12-05T10:30:00Z',
      reference: 'FR-2569-0042',
      caseNumber: 'คดีอาญาที่ 1234/2569',
      station: 'สภ.บางปะกง',
      cameras: [{ id: 3, name: 'Bridge', nameTh: 'สะพาน' }],
      fileCount: 2,
    });
    expect(report.checks.map((check) => check.code)).toEqual([
      'entry-names',
      'manifest-valid',
      'signature-valid',
      'signer-matches-manifest',
      'signer-trusted',
      'file-ok',
      'file-ok',
      'no-extra-entries',
    ]);
    expect(report.warnings).toEqual([]);
  });

  it('accepts the trusted fingerprint in any case and with colons', async () => {
    const colons = KEY.fingerprint.toUpperCase().match(/../g)!.join(':');
    expect((await verify(buildPackage(), { fingerprint: colons })).trusted).toBe('matched');
  });

  it('without a trusted key, passes but says the signer must be compared by hand', async () => {
    const report = await verify(buildPackage());
    expect(report.ok).toBe(true);
    expect(report.trusted).toBe('not-checked');
    expect(report.warnings.map((warning) => warning.code)).toEqual(['trust-not-checked']);
    expect(report.warnings[0]!.message).toContain(KEY.fingerprint);
  });

  it('reports a file that is not a zip', () => {
    const report = unreadablePackageReport('end of central directory record signature not found');
    seen.add(report.failures[0]!.code);
    expect(report.ok).toBe(false);
    expect(report.failures.map((failure) => failure.code)).toEqual(['package-unreadable']);
  });

  it('names a changed byte in a video', async () => {
    const tampered = VIDEO.slice();
    tampered[100] = tampered[100]! ^ 0xff;
    const report = await verify(replace(buildPackage(), 'video/camera-3.mp4', tampered), {
      publicKeyPem: KEY.pem,
    });
    expect(report.ok).toBe(false);
    expect(codes(report)).toEqual([['file-hash-mismatch', 'video/camera-3.mp4']]);
    expect(report.failures[0]!.message).toContain(sha256(VIDEO));
  });

  it('names a file whose size changed', async () => {
    const longer = new Uint8Array([...FORM, 0x0a]);
    const report = await verify(replace(buildPackage(), 'attachments/form.pdf', longer));
    expect(codes(report)).toEqual([['file-size-mismatch', 'attachments/form.pdf']]);
  });

  it('names a listed file that is missing and an entry the manifest does not list', async () => {
    const entries: Entries = [...without(buildPackage(), 'attachments/form.pdf'), ['video/extra.mp4', VIDEO]];
    const report = await verify(entries);
    expect(codes(report)).toEqual([
      ['file-missing', 'attachments/form.pdf'],
      ['extra-entry', 'video/extra.mp4'],
    ]);
  });

  it('names a file that cannot be read', async () => {
    const report = await verify(buildPackage(), {}, new Set(['video/camera-3.mp4']));
    expect(codes(report)).toEqual([['file-unreadable', 'video/camera-3.mp4']]);
    expect(report.failures[0]!.message).toContain('invalid stored block lengths');
  });

  it('names duplicate and unsafe entry names', async () => {
    const entries: Entries = [
      ...buildPackage(),
      ['video/camera-3.mp4', VIDEO],
      ['../escape.txt', FORM],
      ['/etc/cron.d/x', FORM],
      ['video\\camera-3.mp4', VIDEO],
      ['C:/x', FORM],
    ];
    const report = await verify(entries);
    expect(codes(report)).toEqual([
      ['duplicate-entry', 'video/camera-3.mp4'],
      ['unsafe-entry-name', '../escape.txt'],
      ['unsafe-entry-name', '/etc/cron.d/x'],
      ['unsafe-entry-name', 'video\\camera-3.mp4'],
      ['unsafe-entry-name', 'C:/x'],
    ]);
    expect(report.checks.map((check) => check.code)).not.toContain('entry-names');
  });

  it('names an edited manifest by its signature', async () => {
    const entries = buildPackage();
    const edited = new TextDecoder()
      .decode(entries.find(([name]) => name === ENVELOPE.manifest)![1])
      .replace('1234/2569', '1235/2569');
    const report = await verify(replace(entries, ENVELOPE.manifest, utf8(edited)), { publicKeyPem: KEY.pem });
    expect(codes(report)).toEqual([['signature-invalid', null]]);
    expect(report.manifest?.caseNumber).toBe('คดีอาญาที่ 1235/2569');
  });

  it('rejects a package signed by another key than the trusted one', async () => {
    const report = await verify(buildPackage(OTHER_KEY), { publicKeyPem: KEY.pem });
    expect(report.trusted).toBe('mismatch');
    expect(report.signerFingerprint).toBe(OTHER_KEY.fingerprint);
    expect(codes(report)).toEqual([['signer-not-trusted', null]]);
    expect(report.failures[0]!.message).toContain(KEY.fingerprint);
  });

  it('rejects a key that is not the one the manifest names', async () => {
    const manifestBytes = utf8(JSON.stringify(baseManifest(OTHER_KEY)));
    const entries: Entries = [...buildPackage().slice(0, 2), ...signedEnvelope(manifestBytes, KEY)];
    const report = await verify(entries);
    expect(codes(report)).toEqual([['signer-mismatch', null]]);
    expect(report.failures[0]!.message).toContain(OTHER_KEY.fingerprint);
  });

  it('names each missing envelope file', async () => {
    expect(codes(await verify(without(buildPackage(), ENVELOPE.manifest)))).toEqual([
      ['manifest-missing', null],
    ]);
    expect(codes(await verify(without(buildPackage(), ENVELOPE.signature)))).toEqual([
      ['signature-missing', null],
    ]);
    const noKey = await verify(without(buildPackage(), ENVELOPE.publicKey));
    expect(codes(noKey)).toEqual([['public-key-missing', null]]);
    expect(noKey.checks.map((check) => check.code)).not.toContain('signature-valid');
  });

  it('still checks the signature with the trusted key when the package has none', async () => {
    const report = await verify(without(buildPackage(), ENVELOPE.publicKey), { publicKeyPem: KEY.pem });
    expect(codes(report)).toEqual([['public-key-missing', null]]);
    expect(report.checks.map((check) => check.code)).toContain('signature-valid');
    expect(report.trusted).toBe('matched');
  });

  it('only warns about a missing letter or VERIFY.txt (outside the signature)', async () => {
    const report = await verify(without(without(buildPackage(), ENVELOPE.letter), ENVELOPE.readme), {
      publicKeyPem: KEY.pem,
    });
    expect(report.ok).toBe(true);
    expect(report.warnings.map((warning) => warning.code)).toEqual(['letter-missing', 'readme-missing']);
  });

  it('rejects a manifest that is not JSON or not UTF-8', async () => {
    const notJson = await verify([
      ...buildPackage().slice(0, 2),
      ...signedEnvelope(utf8('{"format": '), KEY),
    ]);
    expect(codes(notJson)).toEqual([['manifest-not-json', null]]);
    const latin1 = await verify([
      ...buildPackage().slice(0, 2),
      ...signedEnvelope(Uint8Array.of(0x7b, 0xe9, 0x7d), KEY),
    ]);
    expect(latin1.failures[0]!.message).toContain('not UTF-8');
  });

  it('rejects another package format', async () => {
    const report = await verify(buildPackage(KEY, (m) => ({ ...m, format: 'toc-evidence-package/2' })));
    expect(codes(report)).toEqual([['manifest-wrong-format', null]]);
    expect(report.failures[0]!.message).toContain('"toc-evidence-package/2"');
  });

  it('names each place where the manifest has a wrong structure', async () => {
    const report = await verify(
      buildPackage(KEY, (m) => {
        m.files[0]!.sha256 = m.files[0]!.sha256.toUpperCase();
        m.cameras[0]!.files = ['video/not-listed.mp4'];
        m.request.window.from = '2026-12-04T19:50:00+07:00';
        (m.request as { kind: string }).kind = 'email';
        return m;
      }),
    );
    expect(report.failures.every((failure) => failure.code === 'manifest-invalid')).toBe(true);
    const messages = report.failures.map((failure) => failure.message).join('\n');
    for (const field of ['request.kind', 'request.window.from', 'cameras[0].files[0]', 'files[0].sha256'])
      expect(messages).toContain(field);
    expect(report.manifest).toBeNull();
    // The signature is still checked, on the bytes.
    expect(report.checks.map((check) => check.code)).toContain('signature-valid');
  });

  it('rejects listed paths that are unsafe, repeated or envelope files', async () => {
    const report = await verify(
      buildPackage(KEY, (m) => {
        m.files[1]!.path = 'video/camera-3.mp4';
        m.files.push({ ...m.files[0]!, path: '../x.mp4' }, { ...m.files[0]!, path: ENVELOPE.letter });
        return m;
      }),
    );
    const fields = report.failures.map((failure) =>
      failure.code === 'manifest-invalid' ? failure.message.split(':')[0] : failure.code,
    );
    expect(fields).toEqual([
      'manifest.json has a wrong structure at files[1].path',
      'manifest.json has a wrong structure at files[2].path',
      'manifest.json has a wrong structure at files[3].path',
    ]);
  });

  it('rejects a malformed signature file', async () => {
    const base = buildPackage();
    expect(codes(await verify(replace(base, ENVELOPE.signature, utf8('not base64!'))))).toEqual([
      ['signature-malformed', null],
    ]);
    expect(codes(await verify(replace(base, ENVELOPE.signature, utf8('AAAA'))))).toEqual([
      ['signature-malformed', null],
    ]);
  });

  it('rejects a public key that is not Ed25519 SPKI PEM', async () => {
    const base = buildPackage();
    const ecPem = generateKeyPairSync('ec', { namedCurve: 'P-256' })
      .publicKey.export({ type: 'spki', format: 'pem' })
      .toString();
    expect(codes(await verify(replace(base, ENVELOPE.publicKey, utf8('garbage'))))).toEqual([
      ['public-key-invalid', null],
    ]);
    expect(codes(await verify(replace(base, ENVELOPE.publicKey, utf8(ecPem))))).toEqual([
      ['public-key-invalid', null],
    ]);
  });

  it('refuses an unusable trust anchor as a usage error, not a verdict', async () => {
    const source = memorySource(buildPackage());
    await expect(verifyPackage(source, nodeSignatureVerifier, { fingerprint: 'abc' })).rejects.toThrow(
      TrustInputError,
    );
    await expect(verifyPackage(source, nodeSignatureVerifier, { publicKeyPem: 'nope' })).rejects.toThrow(
      TrustInputError,
    );
    const disagreeing = { publicKeyPem: KEY.pem, fingerprint: OTHER_KEY.fingerprint };
    await expect(verifyPackage(source, nodeSignatureVerifier, disagreeing)).rejects.toThrow(/different keys/);
  });
});

afterAll(() => {
  // Each failure code is produced by at least one test above.
  expect([...seen].sort()).toEqual([...FAILURE_CODES].sort());
});
