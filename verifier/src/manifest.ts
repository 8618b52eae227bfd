// The evidence package's manifest (format toc-evidence-package/1): the one definition its writer and verifiers share.

export const PACKAGE_FORMAT = 'toc-evidence-package/1';

/** Zip entries made from the manifest, so outside it; every other entry must be listed in `Manifest.files`. */
export const ENVELOPE = {
  manifest: 'manifest.json',
  signature: 'manifest.sig',
  publicKey: 'public-key.pem',
  letter: 'letter.pdf',
  readme: 'VERIFY.txt',
} as const;
export const ENVELOPE_NAMES: readonly string[] = Object.values(ENVELOPE);

export type FileRole = 'master' | 'working-copy' | 'attachment';

export interface PackageFile {
  /** Zip entry name, e.g. `video/camera-3-bang-pakong-bridge.mp4`. */
  path: string;
  bytes: number;
  /** Lowercase hex SHA-256 of the file's bytes. */
  sha256: string;
  role: FileRole;
  mediaType: string;
  /** The camera a video belongs to; absent for attachments. */
  cameraId?: number;
}

export interface TimeSpan {
  from: string;
  to: string;
}

export interface RecordedSegment {
  /** Path in the recordings store, relative to its root: `<camera>/<UTC date>/<UTC start>.mp4`. */
  path: string;
  startedAt: string;
  endedAt: string;
  bytes: number;
  /** SHA-256 the recorder computed when the segment closed (the master). */
  sha256: string;
  /** The segment ended early (camera lost, worker stopped). */
  interrupted: boolean;
}

export interface PackageGap extends TimeSpan {
  reason: string;
}

export interface PackageCamera {
  id: number;
  name: string;
  nameTh: string;
  position: { lon: number; lat: number };
  headingDeg: number;
  fovDeg: number;
  /** Ground-plane calibration when the camera had one: normalised image → metres east/north of `origin`. */
  calibration: { homography: number[]; origin: { lon: number; lat: number }; meanErrorM: number } | null;
  /** The window asked for (after trimming by the reviewer). */
  window: TimeSpan;
  /** What the clip covers on the wall clock; null when nothing was recorded in the window. */
  covered: TimeSpan | null;
  /** Parts of the window with no recording, and why. */
  gaps: PackageGap[];
  segments: RecordedSegment[];
  /** Package paths of this camera's files (master first). */
  files: string[];
  /**
   * The tool and arguments that cut the master, and the small text files they read (concat list, chapters, clock
   * subtitles) by name: run in a folder holding these and the segments, they make the same master again.
   */
  cut: { tool: string; arguments: string[]; inputs: { name: string; text: string }[] } | null;
}

export interface PackageStep {
  status: string;
  at: string;
  by: string | null;
  note?: string;
}

export interface PackagePerson {
  name: string;
  rank?: string;
  officerId?: string;
  phone?: string;
  username?: string;
}

export interface Manifest {
  format: typeof PACKAGE_FORMAT;
  packageId: string;
  createdAt: string;
  software: { name: string; version: string; ffmpeg: string };
  /** Where the recorded wall-clock times come from, as the recorder wrote it. */
  clockSource: string;
  signer: { algorithm: 'Ed25519'; publicKeyFingerprint: string };
  request: {
    id: number;
    reference: string;
    caseNumber: string;
    station: string;
    kind: 'online' | 'walk_in';
    requester: PackagePerson;
    approver: PackagePerson;
    legalBasis: string;
    reason: string;
    place: { lon: number; lat: number; label: string | null };
    window: TimeSpan;
    steps: PackageStep[];
  };
  cameras: PackageCamera[];
  files: PackageFile[];
}
