// Plain-text rendering of a verification report, every line in English and Thai (the CLI's output).
import type { ReportLine, VerifyReport } from './report';

const TRUST_TEXT: Record<VerifyReport['trusted'], string> = {
  matched: 'the trusted key / ตรงกับกุญแจที่เชื่อถือ',
  mismatch: 'NOT the trusted key / ไม่ใช่กุญแจที่เชื่อถือ',
  'not-checked': 'not compared with a trusted key / ยังไม่ได้เทียบกับกุญแจที่เชื่อถือ',
};

function section(
  title: string,
  mark: string,
  lines: readonly ReportLine<string>[],
  withCode: boolean,
): string[] {
  if (lines.length === 0) return [];
  const out = ['', title];
  for (const line of lines) {
    out.push(`  ${mark} ${withCode ? `[${line.code}] ` : ''}${line.message}`);
    out.push(`    ${line.messageTh}`);
  }
  return out;
}

export function formatReport(report: VerifyReport, packagePath: string): string {
  const out = [`Evidence package / ชุดหลักฐาน: ${packagePath}`];
  const summary = report.manifest;
  if (summary !== null) {
    const cameras = summary.cameras
      .map((camera) => `${camera.id} ${camera.name} (${camera.nameTh})`)
      .join(', ');
    out.push(
      `Request reference / เลขที่คำขอ: ${summary.reference}`,
      `Case number / เลขคดี: ${summary.caseNumber}`,
      `Package / รหัสชุดหลักฐาน: ${summary.packageId}, ${summary.createdAt}`,
      `Cameras / กล้อง: ${cameras || '-'}`,
      `Files / จำนวนไฟล์: ${summary.fileCount}`,
    );
  }
  out.push(...section('Checks passed / ผ่านการตรวจสอบ', '✓', report.checks, false));
  out.push(...section('Failures / ไม่ผ่านการตรวจสอบ', '✗', report.failures, true));
  out.push(...section('Notes / หมายเหตุ', '!', report.warnings, false));
  out.push(
    '',
    `Signer key fingerprint / ลายนิ้วมือกุญแจผู้ลงนาม: ${report.signerFingerprint ?? '-'}`,
    `  ${TRUST_TEXT[report.trusted]}`,
    `Manifest SHA-256 / SHA-256 ของ manifest.json: ${report.manifestSha256 ?? '-'}`,
    '  Compare with the hand-over letter and GET /api/evidence/public-key',
    '  เทียบกับหนังสือส่งมอบและ GET /api/evidence/public-key',
    '',
    report.ok
      ? 'Result / ผลการตรวจสอบ: VERIFIED / ผ่าน'
      : `Result / ผลการตรวจสอบ: FAILED, ${report.failures.length} problem(s) / ไม่ผ่าน พบปัญหา ${report.failures.length} รายการ`,
  );
  return `${out.join('\n')}\n`;
}
