// Offline evidence package check: npm run verify -- package.zip [--key public.pem | --fingerprint HEX] [--json].
import { readFile, stat } from 'node:fs/promises';
import { nodeSignatureVerifier } from './node-signature';
import { openNodeZipSource } from './node-zip-source';
import type { VerifyReport } from './report';
import { formatReport } from './report-text';
import {
  TrustInputError,
  resolveTrustedFingerprint,
  unreadablePackageReport,
  verifyPackage,
  type TrustAnchor,
} from './verify-package';

const USAGE = `Usage / วิธีใช้: npm run verify -- package.zip [--key public.pem | --fingerprint HEX] [--json]
  --key FILE         the deployment's public key (GET /api/evidence/public-key) / กุญแจสาธารณะของระบบ
  --fingerprint HEX  its SHA-256 fingerprint, as in the hand-over letter / ลายนิ้วมือกุญแจตามหนังสือส่งมอบ
  --json             print the report as JSON / แสดงผลเป็น JSON
Exit / รหัสออก: 0 verified / ผ่าน, 1 failed / ไม่ผ่าน, 2 usage error / ใช้คำสั่งไม่ถูกต้อง
`;

interface CliArgs {
  packagePath: string;
  keyPath?: string;
  fingerprint?: string;
  json: boolean;
}

class UsageError extends Error {}

function parseArgs(argv: readonly string[]): CliArgs | 'help' {
  const positional: string[] = [];
  const args: Partial<CliArgs> = { json: false };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    const [flag, inline] =
      arg.startsWith('--') && arg.includes('=')
        ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
        : [arg, undefined];
    const value = (): string => {
      const next = inline ?? argv[++i];
      if (next === undefined || next === '') throw new UsageError(`${flag} needs a value / ${flag} ต้องระบุค่า`);
      return next;
    };
    if (flag === '--help' || flag === '-h') return 'help';
    else if (flag === '--json') args.json = true;
    else if (flag === '--key') args.keyPath = value();
    else if (flag === '--fingerprint') args.fingerprint = value();
    else if (flag.startsWith('-') && flag !== '-')
      throw new UsageError(`Unknown option ${flag} / ไม่รู้จักตัวเลือก ${flag}`);
    else positional.push(arg);
  }
  if (positional.length !== 1)
    throw new UsageError('Give exactly one package zip / ระบุไฟล์ zip ของชุดหลักฐานหนึ่งไฟล์');
  const parsed = { ...args, packagePath: callerPath(positional[0]!) } as CliArgs;
  if (parsed.keyPath !== undefined) parsed.keyPath = callerPath(parsed.keyPath);
  return parsed;
}

/**
 * `npm run verify` runs in the repository root; npm passes the caller's directory as INIT_CWD, so a relative path
 * given there still names the caller's file.
 */
function callerPath(file: string): string {
  const base = process.env.INIT_CWD;
  const absolute = file.startsWith('/') || /^[A-Za-z]:[\\/]/.test(file) || file.startsWith('\\\\');
  return absolute || base === undefined || base === '' ? file : `${base.replace(/[\\/]+$/, '')}/${file}`;
}

async function trustFrom(args: CliArgs): Promise<TrustAnchor> {
  const trust: TrustAnchor = {};
  if (args.fingerprint !== undefined) trust.fingerprint = args.fingerprint;
  if (args.keyPath !== undefined) {
    try {
      trust.publicKeyPem = await readFile(args.keyPath, 'utf8');
    } catch (error) {
      throw new UsageError(
        `Cannot read the key file ${args.keyPath} / อ่านไฟล์กุญแจ ${args.keyPath} ไม่ได้: ${(error as Error).message}`,
      );
    }
  }
  try {
    await resolveTrustedFingerprint(trust, nodeSignatureVerifier);
  } catch (error) {
    if (error instanceof TrustInputError) throw new UsageError(`${error.message} / ${error.messageTh}`);
    throw error;
  }
  return trust;
}

async function verifyFile(packagePath: string, trust: TrustAnchor): Promise<VerifyReport> {
  let source;
  try {
    source = await openNodeZipSource(packagePath);
  } catch (error) {
    return unreadablePackageReport((error as Error).message);
  }
  try {
    return await verifyPackage(source, nodeSignatureVerifier, trust);
  } finally {
    source.close();
  }
}

async function main(argv: readonly string[]): Promise<number> {
  let args: CliArgs | 'help';
  let trust: TrustAnchor;
  try {
    args = parseArgs(argv);
    if (args === 'help') {
      process.stdout.write(USAGE);
      return 0;
    }
    trust = await trustFrom(args);
    const info = await stat(args.packagePath).catch(() => null);
    if (info === null || !info.isFile())
      throw new UsageError(`No such file: ${args.packagePath} / ไม่พบไฟล์ ${args.packagePath}`);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${error.message}\n\n${USAGE}`);
    return 2;
  }
  const report = await verifyFile(args.packagePath, trust);
  process.stdout.write(
    args.json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report, args.packagePath),
  );
  return report.ok ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `verify: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 1;
  },
);
