// English and Thai wording of every failure, check and warning in a verification report.
import { ENVELOPE, PACKAGE_FORMAT } from './manifest';
import type { CheckCode, FailureCode, ReportLine, WarningCode } from './report';

export interface TextParams {
  path?: string;
  expected?: string;
  actual?: string;
  /** Free detail (an error message, a manifest field); shown as is in both languages. */
  detail?: string;
  /** Thai counterpart of `expected` when it is prose rather than a value. */
  expectedTh?: string;
}

type Text = (p: TextParams) => [en: string, th: string];

const FAILURES: Record<FailureCode, Text> = {
  'package-unreadable': (p) => [
    `The package cannot be read as a zip file: ${p.detail}`,
    `ไม่สามารถอ่านแพ็กเกจเป็นไฟล์ zip ได้: ${p.detail}`,
  ],
  'duplicate-entry': (p) => [
    `The zip holds more than one entry named "${p.path}"`,
    `ในไฟล์ zip มีรายการชื่อ "${p.path}" มากกว่าหนึ่งรายการ`,
  ],
  'unsafe-entry-name': (p) => [
    `Unsafe entry name "${p.path}" (absolute, contains "..", a backslash or NUL, or is empty)`,
    `ชื่อรายการ "${p.path}" ไม่ปลอดภัย (เป็นพาธสัมบูรณ์ มี ".." เครื่องหมาย \\ หรือ NUL หรือเป็นชื่อว่าง)`,
  ],
  'manifest-missing': () => [`${ENVELOPE.manifest} is missing`, `ไม่พบไฟล์ ${ENVELOPE.manifest}`],
  'signature-missing': () => [
    `${ENVELOPE.signature} (the signature) is missing`,
    `ไม่พบไฟล์ลายมือชื่อดิจิทัล ${ENVELOPE.signature}`,
  ],
  'public-key-missing': () => [
    `${ENVELOPE.publicKey} (the signer's public key) is missing`,
    `ไม่พบไฟล์กุญแจสาธารณะของผู้ลงนาม ${ENVELOPE.publicKey}`,
  ],
  'manifest-not-json': (p) => [
    `${ENVELOPE.manifest} is not valid UTF-8 JSON: ${p.detail}`,
    `${ENVELOPE.manifest} ไม่ใช่ JSON แบบ UTF-8 ที่ถูกต้อง: ${p.detail}`,
  ],
  'manifest-wrong-format': (p) => [
    `${ENVELOPE.manifest} is not in format ${PACKAGE_FORMAT} (its format is ${p.actual})`,
    `${ENVELOPE.manifest} ไม่ใช่รูปแบบ ${PACKAGE_FORMAT} (รูปแบบที่พบคือ ${p.actual})`,
  ],
  'manifest-invalid': (p) => [
    `${ENVELOPE.manifest} has a wrong structure at ${p.detail}: expected ${p.expected}`,
    `โครงสร้างของ ${ENVELOPE.manifest} ไม่ถูกต้องที่ ${p.detail}: ต้องเป็น${p.expectedTh}`,
  ],
  'signature-malformed': () => [
    `${ENVELOPE.signature} is not the base64 of a 64-byte Ed25519 signature`,
    `${ENVELOPE.signature} ไม่ใช่ลายมือชื่อ Ed25519 ขนาด 64 ไบต์ที่เข้ารหัสแบบ base64`,
  ],
  'public-key-invalid': (p) => [
    `${ENVELOPE.publicKey} is not an Ed25519 public key in SPKI PEM form: ${p.detail}`,
    `${ENVELOPE.publicKey} ไม่ใช่กุญแจสาธารณะ Ed25519 ในรูปแบบ SPKI PEM: ${p.detail}`,
  ],
  'signature-invalid': () => [
    `The signature does not match ${ENVELOPE.manifest}: the manifest was changed after signing, or signed with another key`,
    `ลายมือชื่อดิจิทัลไม่ตรงกับ ${ENVELOPE.manifest}: manifest ถูกแก้ไขหลังการลงนาม หรือถูกลงนามด้วยกุญแจอื่น`,
  ],
  'signer-mismatch': (p) => [
    `${ENVELOPE.publicKey} (fingerprint ${p.actual}) is not the key the manifest names (${p.expected})`,
    `กุญแจใน ${ENVELOPE.publicKey} (ลายนิ้วมือ ${p.actual}) ไม่ใช่กุญแจที่ระบุไว้ใน manifest (${p.expected})`,
  ],
  'signer-not-trusted': (p) => [
    `The package was signed by key ${p.actual}, not by the trusted key ${p.expected}`,
    `แพ็กเกจนี้ลงนามด้วยกุญแจ ${p.actual} ไม่ใช่กุญแจที่เชื่อถือ ${p.expected}`,
  ],
  'file-missing': (p) => [
    `${p.path} is listed in the manifest but missing from the package`,
    `${p.path} มีอยู่ในรายการของ manifest แต่ไม่มีในแพ็กเกจ`,
  ],
  'file-size-mismatch': (p) => [
    `${p.path} has ${p.actual} bytes, the manifest says ${p.expected}: the file was changed`,
    `${p.path} มีขนาด ${p.actual} ไบต์ แต่ manifest ระบุ ${p.expected} ไบต์: ไฟล์ถูกแก้ไข`,
  ],
  'file-hash-mismatch': (p) => [
    `${p.path} was changed: its SHA-256 is ${p.actual}, the manifest says ${p.expected}`,
    `${p.path} ถูกแก้ไข: ค่า SHA-256 คือ ${p.actual} แต่ manifest ระบุ ${p.expected}`,
  ],
  'file-unreadable': (p) => [
    `${p.path} cannot be read from the package: ${p.detail}`,
    `ไม่สามารถอ่าน ${p.path} จากแพ็กเกจได้: ${p.detail}`,
  ],
  'extra-entry': (p) => [
    `${p.path} is in the package but not listed in the manifest`,
    `${p.path} อยู่ในแพ็กเกจแต่ไม่มีในรายการของ manifest`,
  ],
};

const CHECKS: Record<CheckCode, Text> = {
  'entry-names': () => ['Entry names are unique and safe', 'ชื่อรายการในแพ็กเกจไม่ซ้ำกันและปลอดภัย'],
  'manifest-valid': () => [
    `${ENVELOPE.manifest} is a well-formed ${PACKAGE_FORMAT} manifest`,
    `${ENVELOPE.manifest} มีโครงสร้างถูกต้องตามรูปแบบ ${PACKAGE_FORMAT}`,
  ],
  'signature-valid': () => [
    `The Ed25519 signature over ${ENVELOPE.manifest} is valid`,
    `ลายมือชื่อดิจิทัล Ed25519 ของ ${ENVELOPE.manifest} ถูกต้อง`,
  ],
  'signer-matches-manifest': () => [
    `${ENVELOPE.publicKey} is the key named in the manifest`,
    `กุญแจใน ${ENVELOPE.publicKey} ตรงกับกุญแจที่ระบุไว้ใน manifest`,
  ],
  'signer-trusted': (p) => [`Signed by the trusted key ${p.actual}`, `ลงนามด้วยกุญแจที่เชื่อถือ ${p.actual}`],
  'file-ok': (p) => [
    `${p.path}: size and SHA-256 match the manifest`,
    `${p.path}: ขนาดและ SHA-256 ตรงกับ manifest`,
  ],
  'no-extra-entries': () => [
    'Every entry is listed in the manifest or is part of the envelope',
    'ทุกไฟล์ในแพ็กเกจมีอยู่ในรายการของ manifest หรือเป็นส่วนของซองเอกสาร',
  ],
};

const WARNINGS: Record<WarningCode, Text> = {
  'trust-not-checked': (p) => [
    `No trusted key was given: compare the signer fingerprint ${p.actual} with the hand-over letter and GET /api/evidence/public-key`,
    `ไม่ได้ระบุกุญแจที่เชื่อถือ: โปรดเทียบลายนิ้วมือของผู้ลงนาม ${p.actual} กับหนังสือส่งมอบและ GET /api/evidence/public-key`,
  ],
  'letter-missing': () => [
    `${ENVELOPE.letter} (the hand-over letter) is not in the package; it is outside the signature, so the check is unaffected`,
    `ไม่มี ${ENVELOPE.letter} (หนังสือส่งมอบ) ในแพ็กเกจ ไฟล์นี้อยู่นอกขอบเขตของลายมือชื่อ จึงไม่มีผลต่อการตรวจสอบ`,
  ],
  'readme-missing': () => [
    `${ENVELOPE.readme} is not in the package; it is outside the signature, so the check is unaffected`,
    `ไม่มี ${ENVELOPE.readme} ในแพ็กเกจ ไฟล์นี้อยู่นอกขอบเขตของลายมือชื่อ จึงไม่มีผลต่อการตรวจสอบ`,
  ],
};

function line<Code extends string>(
  texts: Record<Code, Text>,
  code: Code,
  params: TextParams,
): ReportLine<Code> {
  const [message, messageTh] = texts[code](params);
  return params.path === undefined
    ? { code, message, messageTh }
    : { code, path: params.path, message, messageTh };
}

export const failureLine = (code: FailureCode, params: TextParams = {}) => line(FAILURES, code, params);
export const checkLine = (code: CheckCode, params: TextParams = {}) => line(CHECKS, code, params);
export const warningLine = (code: WarningCode, params: TextParams = {}) => line(WARNINGS, code, params);
