// Evidence settings from the environment, read alike by the server (requests, downloads) and the export workers.
import path from 'node:path';
import { REPO_ROOT } from './repo-root';

export interface EvidenceConfig {
  /** EVIDENCE_DIR: packages being built and built, and the scanned request forms. */
  dir: string;
  /** EVIDENCE_SIGNING_KEY_FILE: the deployment's Ed25519 private key (PKCS#8 PEM, mode 0600). */
  signingKeyFile: string;
  /** EVIDENCE_SIGNING_KEY_CREATE=true: make a key when there is none (the demo); otherwise a missing key is an error. */
  createSigningKey: boolean;
  /** How long a download link works. */
  downloadLinkMinutes: number;
  /** A request waiting this long for a decision is flagged to staff. */
  overdueHours: number;
  /** The largest scanned form accepted with a walk-in request. */
  formMaxBytes: number;
  /** EVIDENCE_WORKING_COPY=true: packages also carry a re-encoded copy with camera name and time burned in. */
  workingCopies: boolean;
}

const number = (value: string | undefined, fallback: number): number =>
  value === undefined || value === '' ? fallback : Number(value);

export function loadEvidenceConfig(env: NodeJS.ProcessEnv = process.env): EvidenceConfig {
  const dir = path.resolve(env.EVIDENCE_DIR ?? path.join(REPO_ROOT, '.data', 'evidence'));
  const config: EvidenceConfig = {
    dir,
    signingKeyFile: path.resolve(env.EVIDENCE_SIGNING_KEY_FILE ?? path.join(dir, 'signing-key.pem')),
    createSigningKey: env.EVIDENCE_SIGNING_KEY_CREATE === 'true',
    downloadLinkMinutes: number(env.EVIDENCE_DOWNLOAD_LINK_MIN, 15),
    overdueHours: number(env.FOOTAGE_REQUEST_OVERDUE_H, 24),
    formMaxBytes: number(env.FOOTAGE_REQUEST_FORM_MAX_BYTES, 10 * 1024 * 1024),
    workingCopies: env.EVIDENCE_WORKING_COPY === 'true',
  };
  const bad = (['downloadLinkMinutes', 'overdueHours', 'formMaxBytes'] as const).filter(
    (key) => !(Number.isFinite(config[key]) && config[key] > 0),
  );
  if (bad.length) throw new Error(`Invalid evidence configuration: ${bad.join(', ')} must be a positive number`);
  return config;
}

/** Where packages and forms live under the evidence directory. */
export const evidencePaths = (config: EvidenceConfig) => ({
  packages: path.join(config.dir, 'packages'),
  forms: path.join(config.dir, 'forms'),
  work: path.join(config.dir, 'work'),
});
