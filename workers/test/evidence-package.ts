// Test helpers for evidence packages: one entry's bytes (through the verifier's own zip reader), and the verifier CLI
// run as a real process with its exit code and output.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { openNodeZipSource } from '@toc/verifier/node-zip-source';

const run = promisify(execFile);
const REPO_ROOT = path.resolve(__dirname, '../..');

export async function readPackageEntry(zip: string, name: string): Promise<Buffer> {
  const source = await openNodeZipSource(zip);
  try {
    return Buffer.from(await source.readBytes(name));
  } finally {
    await source.close();
  }
}

/** `npm run verify -- zip …args`: exit 0 verified, 1 failed, 2 usage. */
export const runVerifier = (zip: string, ...args: string[]): Promise<{ code: number; out: string }> =>
  run('node', ['--import', 'tsx', 'verifier/src/verify.cli.ts', zip, ...args], { cwd: REPO_ROOT }).then(
    ({ stdout }) => ({ code: 0, out: stdout }),
    (error: { code: number; stdout: string; stderr: string }) => ({
      code: error.code,
      out: `${error.stdout}${error.stderr}`,
    }),
  );
