// A realistic evidence-package manifest (two Chachoengsao cameras, one with a gap) for the hand-over letter's tests.
import { createHash } from 'node:crypto';
import { PACKAGE_FORMAT, type Manifest } from '@toc/verifier/manifest';
import type { HandoverLetterInput } from '../src/export/handover-letter-html';

export const FIXTURE_PUBLIC_KEY_PEM = `-----BEGIN PUBLIC KEY-----
MCowBQYDK2VwAyEA5DovL9OAVD8QbgKikeniIwfYcMcEMk6HWATWNGP92vk=
-----END PUBLIC KEY-----
`;
/** SHA-256 of the key above's SPKI DER bytes. */
export const FIXTURE_FINGERPRINT = '782630a109868e255bdb1a53c808ea66b99dc5ab43fe09fc72ece3725f88c31b';

const segment = (
  camera: number,
  startedAt: string,
  endedAt: string,
  sha256: string,
  interrupted = false,
) => ({
  path: `${camera}/${startedAt.slice(0, 10)}/${startedAt.replace(/[-:]/g, '').slice(0, 15)}Z.mp4`,
  startedAt,
  endedAt,
  bytes: 31_457_280,
  sha256,
  interrupted,
});

export function fixtureManifest(caseNumber = 'คดีอาญาที่ 1234/2569'): Manifest {
  return {
    format: PACKAGE_FORMAT,
    packageId: '6f1c2b7e-4d1a-4c55-9a0e-3b8f0f7d2c11',
    createdAt: '2026-12-05T10:30:00Z',
    software: { name: 'toc', version: '0.1.0', ffmpeg: '5.1.6-0+deb12u1' },
    clockSource: 'recorder wall clock (chrony, NTP th.pool.ntp.org)',
    signer: { algorithm: 'Ed25519', publicKeyFingerprint: FIXTURE_FINGERPRINT },
    request: {
      id: 42,
      reference: 'FR-2569-0042',
      caseNumber,
      station: 'สถานีตำรวจภูธรบางปะกง',
      kind: 'online',
      requester: {
        name: 'สมชาย ใจดี',
        rank: 'ร.ต.อ.',
        officerId: '1234567890',
        phone: '081-234-5678',
        username: 'police.bpk1',
      },
      approver: { name: 'วิไลวรรณ ศรีสุข', username: 'supervisor1' },
      legalBasis: 'ประมวลกฎหมายวิธีพิจารณาความอาญา มาตรา 132 (Criminal Procedure Code s.132)',
      reason:
        'รถกระบะชนรถจักรยานยนต์บนสะพานแล้วหลบหนี ต้องการภาพเพื่อระบุทะเบียนรถ\nHit-and-run on the bridge; footage needed to read the pickup’s plate.',
      place: { lon: 101.0601, lat: 13.4925, label: 'สะพานข้ามแม่น้ำบางปะกง ทางหลวง 7' },
      window: { from: '2026-12-04T12:50:00Z', to: '2026-12-04T13:20:00Z' },
      steps: [
        { status: 'submitted', at: '2026-12-04T15:02:11Z', by: 'police.bpk1' },
        { status: 'in_review', at: '2026-12-05T01:15:40Z', by: 'supervisor1' },
        { status: 'approved', at: '2026-12-05T09:58:03Z', by: 'supervisor1', note: 'อนุมัติ กล้อง 3 และ 5' },
        { status: 'exporting', at: '2026-12-05T10:05:00Z', by: null },
        { status: 'ready', at: '2026-12-05T10:30:00Z', by: null },
      ],
    },
    cameras: [
      {
        id: 3,
        name: 'Bang Pakong River Bridge (eastbound)',
        nameTh: 'สะพานข้ามแม่น้ำบางปะกง (ขาออก)',
        position: { lon: 101.060912, lat: 13.492731 },
        headingDeg: 95,
        fovDeg: 70,
        calibration: null,
        window: { from: '2026-12-04T12:55:00Z', to: '2026-12-04T13:15:00Z' },
        covered: { from: '2026-12-04T12:54:58Z', to: '2026-12-04T13:15:00Z' },
        gaps: [],
        segments: [
          segment(
            3,
            '2026-12-04T12:50:00Z',
            '2026-12-04T13:00:00Z',
            'f867c788672e6883ad089fb4df9c1665a94df6a57a36463a74ff3ef44d53c515',
          ),
          segment(
            3,
            '2026-12-04T13:00:00Z',
            '2026-12-04T13:10:00Z',
            'b829d0d40be1335ec7167ed8fe2096096171c26701f59142a692bc7b153e1b9d',
          ),
          segment(
            3,
            '2026-12-04T13:10:00Z',
            '2026-12-04T13:20:00Z',
            'e9906fa30fa600449f9db8380dc36dd575d3b03a226a9888418a389784db96dd',
          ),
        ],
        files: ['video/camera-3-bang-pakong-bridge.mp4', 'working/camera-3-bang-pakong-bridge.mp4'],
        cut: {
          tool: 'ffmpeg',
          arguments: ['-f', 'concat', '-i', 'list.txt', '-c', 'copy', 'out.mp4'],
          inputs: [{ name: 'list.txt', text: 'ffconcat version 1.0\n' }],
        },
      },
      {
        id: 5,
        name: 'Bang Pakong market junction',
        nameTh: 'แยกตลาดบางปะกง',
        position: { lon: 101.054417, lat: 13.50402 },
        headingDeg: 210,
        fovDeg: 85,
        calibration: null,
        window: { from: '2026-12-04T12:50:00Z', to: '2026-12-04T13:20:00Z' },
        covered: { from: '2026-12-04T12:50:00Z', to: '2026-12-04T13:20:00Z' },
        gaps: [
          {
            from: '2026-12-04T13:03:12Z',
            to: '2026-12-04T13:05:47Z',
            reason: 'กล้องขาดการเชื่อมต่อ (camera offline)',
          },
        ],
        segments: [
          segment(
            5,
            '2026-12-04T12:50:00Z',
            '2026-12-04T13:03:12Z',
            '6c56ccfea9dd1d6d7e51e3fa0be7c1977273015947c5f412e0d45f0b7ade0153',
            true,
          ),
          segment(
            5,
            '2026-12-04T13:05:47Z',
            '2026-12-04T13:20:00Z',
            '377e3a308ff747acea431a6d048c1bd6e7ac2d686ceac65e33fad62ff097e16f',
          ),
        ],
        files: ['video/camera-5-bang-pakong-market.mp4'],
        cut: {
          tool: 'ffmpeg',
          arguments: ['-f', 'concat', '-i', 'list.txt', '-c', 'copy', 'out.mp4'],
          inputs: [{ name: 'list.txt', text: 'ffconcat version 1.0\n' }],
        },
      },
    ],
    files: [
      {
        path: 'video/camera-3-bang-pakong-bridge.mp4',
        bytes: 62_914_560,
        sha256: '8401d7e23d478f58e203c31a1b8a30366104efaef6612c71e863457f3256e3af',
        role: 'master',
        mediaType: 'video/mp4',
        cameraId: 3,
      },
      {
        path: 'working/camera-3-bang-pakong-bridge.mp4',
        bytes: 18_874_368,
        sha256: '0d5a6c1f8e2b9b07c3f4a5e6d7c8b9a0a1b2c3d4e5f60718293a4b5c6d7e8f90',
        role: 'working-copy',
        mediaType: 'video/mp4',
        cameraId: 3,
      },
      {
        path: 'video/camera-5-bang-pakong-market.mp4',
        bytes: 88_080_384,
        sha256: '3c9e1f0a2b4d6f8091a3b5c7d9e1f20314253647586970a1b2c3d4e5f6071829',
        role: 'master',
        mediaType: 'video/mp4',
        cameraId: 5,
      },
      {
        path: 'attachments/request-form.pdf',
        bytes: 245_760,
        sha256: 'aa11bb22cc33dd44ee55ff66aa77bb88cc99dd00ee11ff22aa33bb44cc55dd66',
        role: 'attachment',
        mediaType: 'application/pdf',
      },
    ],
  };
}

/** Letter input for a manifest; the hash is of the manifest's JSON, as the package writer would compute it. */
export function fixtureLetterInput(manifest: Manifest = fixtureManifest()): HandoverLetterInput {
  const json = JSON.stringify(manifest, null, 2);
  return {
    manifest,
    manifestSha256: createHash('sha256').update(json).digest('hex'),
    publicKeyPem: FIXTURE_PUBLIC_KEY_PEM,
    generatedAt: new Date('2026-12-05T10:30:00Z'),
    packageFileName: 'FR-2569-0042-evidence.zip',
  };
}
