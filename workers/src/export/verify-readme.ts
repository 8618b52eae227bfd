// The text of VERIFY.txt inside every evidence package: how a court checks it offline, in Thai and English.
import { ENVELOPE, PACKAGE_FORMAT } from '@toc/verifier/manifest';

export interface VerifyReadmeInput {
  /** Lowercase hex SHA-256 fingerprint of the deployment's signing key. */
  fingerprint: string;
  /** The zip's file name as handed over, e.g. `FR-2569-000123.zip`; a placeholder otherwise. */
  packageName?: string;
  /** Full address of the web app's verify page, when the deployment has a public one. */
  verifyPageUrl?: string;
}

/** VERIFY.txt: Thai first, then English; plain text with LF line ends, readable in any editor. */
export function verifyReadme(input: VerifyReadmeInput): string {
  const zip = input.packageName ?? 'package.zip';
  const command = `npm run verify -- ${zip} --fingerprint ${input.fingerprint}`;
  const pageTh = input.verifyPageUrl
    ? `หน้า "ตรวจสอบชุดหลักฐาน" ของเว็บแอป (${input.verifyPageUrl})`
    : 'หน้า "ตรวจสอบชุดหลักฐาน" ของเว็บแอป';
  const pageEn = input.verifyPageUrl
    ? `the web app's verify page (${input.verifyPageUrl})`
    : "the web app's verify page";
  return [
    `วิธีตรวจสอบชุดหลักฐาน / How to verify this evidence package (${PACKAGE_FORMAT})`,
    '',
    '== ภาษาไทย ==',
    '',
    `ชุดหลักฐานนี้ลงนามด้วยลายมือชื่อดิจิทัล Ed25519 ไฟล์ ${ENVELOPE.manifest} ระบุขนาดและค่า SHA-256 ของวิดีโอและเอกสารแนบทุกไฟล์`,
    `และ ${ENVELOPE.signature} คือลายมือชื่อของ ${ENVELOPE.manifest} การตรวจสอบไม่ต้องเชื่อมต่ออินเทอร์เน็ต`,
    '',
    '1. ตรวจด้วยโปรแกรมตรวจสอบ (Node.js 20 ขึ้นไป ในโฟลเดอร์ซอร์สโค้ดของระบบ):',
    `     ${command}`,
    '   ผล "ผ่าน" (exit code 0) หมายความว่าลายมือชื่อถูกต้อง ลงนามด้วยกุญแจข้างต้น และทุกไฟล์ตรงกับ manifest',
    `   หรือเปิด${pageTh} แล้วเลือกไฟล์ zip นี้ ไฟล์จะถูกตรวจในเบราว์เซอร์โดยไม่มีการอัปโหลด`,
    `2. เทียบค่า SHA-256 ของ ${ENVELOPE.manifest} ที่โปรแกรมแสดง กับค่าในหนังสือส่งมอบ (${ENVELOPE.letter}) ทั้งตัวอักษรและ QR code`,
    '3. เทียบลายนิ้วมือของกุญแจลงนามกับหนังสือส่งมอบ และกับ GET /api/evidence/public-key ของระบบ:',
    `     ${input.fingerprint}`,
    '',
    'การเพิ่ม ลบ หรือแก้ไขไฟล์ใดๆ ในชุดหลักฐาน แม้เพียงหนึ่งไบต์ จะทำให้การตรวจสอบไม่ผ่าน',
    `(ยกเว้น ${ENVELOPE.letter} และ ${ENVELOPE.readme} ซึ่งอยู่นอกขอบเขตของลายมือชื่อ)`,
    '',
    '== English ==',
    '',
    `This package is signed with an Ed25519 digital signature. ${ENVELOPE.manifest} lists the size and SHA-256 of every`,
    `video and attachment, and ${ENVELOPE.signature} is the signature over ${ENVELOPE.manifest}. Checking needs no network.`,
    '',
    "1. Run the verifier (Node.js 20 or later, in the system's source folder):",
    `     ${command}`,
    '   "VERIFIED" (exit code 0) means the signature is valid, made with the key above, and every file matches the manifest.',
    `   Or open ${pageEn} and choose this zip; it is checked in the browser and not uploaded.`,
    `2. Compare the SHA-256 of ${ENVELOPE.manifest} the verifier prints with the hand-over letter (${ENVELOPE.letter}),`,
    '   its text and its QR code.',
    '3. Compare the signing key fingerprint with the hand-over letter and GET /api/evidence/public-key:',
    `     ${input.fingerprint}`,
    '',
    'Adding, removing or changing any file in the package, even by one byte, makes verification fail',
    `(except ${ENVELOPE.letter} and ${ENVELOPE.readme}, which are outside the signature).`,
    '',
  ].join('\n');
}
