// The verification report: what was checked, what failed and why, shared by the CLI, the web page and the tests.

/** Every way a package can fail verification; stable names for scripts and tests. */
export const FAILURE_CODES = [
  'package-unreadable',
  'duplicate-entry',
  'unsafe-entry-name',
  'manifest-missing',
  'signature-missing',
  'public-key-missing',
  'manifest-not-json',
  'manifest-wrong-format',
  'manifest-invalid',
  'signature-malformed',
  'public-key-invalid',
  'signature-invalid',
  'signer-mismatch',
  'signer-not-trusted',
  'file-missing',
  'file-size-mismatch',
  'file-hash-mismatch',
  'file-unreadable',
  'extra-entry',
] as const;
export type FailureCode = (typeof FAILURE_CODES)[number];

export type CheckCode =
  | 'entry-names'
  | 'manifest-valid'
  | 'signature-valid'
  | 'signer-matches-manifest'
  | 'signer-trusted'
  | 'file-ok'
  | 'no-extra-entries';

/** Not failures: things the reader should know or do by hand. */
export type WarningCode = 'trust-not-checked' | 'letter-missing' | 'readme-missing';

export interface ReportLine<Code extends string> {
  code: Code;
  /** The zip entry concerned, when there is one. */
  path?: string;
  message: string;
  messageTh: string;
}

export type VerifyFailure = ReportLine<FailureCode>;
export type VerifyCheck = ReportLine<CheckCode>;
export type VerifyWarning = ReportLine<WarningCode>;

export interface ManifestSummary {
  packageId: string;
  createdAt: string;
  reference: string;
  caseNumber: string;
  station: string;
  cameras: { id: number; name: string; nameTh: string }[];
  fileCount: number;
}

export interface VerifyReport {
  /** True only when nothing failed. */
  ok: boolean;
  /** Lowercase hex SHA-256 of `manifest.json`, to compare with the hand-over letter; null without a manifest. */
  manifestSha256: string | null;
  /** Fingerprint of the package's `public-key.pem`; null when it is missing or not an Ed25519 key. */
  signerFingerprint: string | null;
  /** Whether the signer is the trusted key given by the caller. */
  trusted: 'matched' | 'mismatch' | 'not-checked';
  /** Null when the manifest is missing or malformed. */
  manifest: ManifestSummary | null;
  checks: VerifyCheck[];
  failures: VerifyFailure[];
  warnings: VerifyWarning[];
}
