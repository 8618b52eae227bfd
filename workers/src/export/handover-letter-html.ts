// The hand-over letter as one self-contained HTML page (Thai with English), printed to PDF by handover-letter.ts.
import { ENVELOPE, type Manifest } from '@toc/verifier/manifest';
import { cameras, files, howToVerify, packageInfo, signatures, signingKey, steps } from './letter-annexes';
import { thaiDate } from './letter-dates';
import { LETTER_FONT, sarabunFontFaces } from './letter-font';
import { formatLatLon, kindLabel } from './letter-labels';
import { bi, escapeHtml, mono, person, row, span, when } from './letter-markup';
import { qrSvg } from './letter-qr';
import { LETTER_CSS } from './letter-style';

export interface HandoverLetterInput {
  manifest: Manifest;
  /** Lowercase hex SHA-256 of the exact manifest.json bytes in the package. */
  manifestSha256: string;
  publicKeyPem: string;
  generatedAt: Date;
  /** The zip's file name, as the receiver will see it (for the verify command). */
  packageFileName: string;
}

function header(input: HandoverLetterInput): string {
  const { manifest: m, manifestSha256 } = input;
  return `<header class="head">
  <div class="title">
    <h1>หนังสือส่งมอบพยานหลักฐานภาพจากกล้องวงจรปิด</h1>
    <p class="subtitle">Hand-over of CCTV footage evidence</p>
    <table class="kv">
      ${row('เลขที่คำขอ', 'Request reference', `<b>${escapeHtml(m.request.reference)}</b>`)}
      ${row('วันที่จัดทำ', 'Prepared on', when(input.generatedAt.toISOString()))}
      ${row('แพ็กเกจ', 'Package file', mono(input.packageFileName))}
    </table>
  </div>
  <figure class="qr" data-qr>${qrSvg(manifestSha256)}<figcaption>${bi(`QR: SHA-256 ของ ${ENVELOPE.manifest}`, `QR: SHA-256 of ${ENVELOPE.manifest}`)}</figcaption></figure>
</header>
<p class="hash-box"><b>SHA-256 ของไฟล์ ${ENVELOPE.manifest} ในแพ็กเกจ</b> <span class="small">/ SHA-256 of ${ENVELOPE.manifest} in the package</span>
<span class="mono hash" data-manifest-sha256>${escapeHtml(manifestSha256)}</span></p>`;
}

function request(m: Manifest): string {
  const r = m.request;
  const place = [r.place.label, formatLatLon(r.place)].filter(Boolean).map((v) => escapeHtml(v));
  return `<h2>${bi('1. รายละเอียดคำขอ', 'Request')}</h2>
<table class="kv">
  ${row('เลขคดี / เลขประจำวัน', 'Case number', `<b data-case-number>${escapeHtml(r.caseNumber)}</b>`)}
  ${row('สถานีตำรวจ', 'Police station', escapeHtml(r.station))}
  ${row('ประเภทคำขอ', 'Kind', `${escapeHtml(kindLabel(r.kind).th)} / ${escapeHtml(kindLabel(r.kind).en)}`)}
  ${row('ผู้ขอ', 'Requested by', person(r.requester))}
  ${row('ผู้อนุมัติ', 'Approved by', person(r.approver))}
  ${row('อาศัยอำนาจตามกฎหมาย', 'Legal basis', `<span class="text">${escapeHtml(r.legalBasis)}</span>`)}
  ${row('เหตุผล', 'Reason', `<span class="text">${escapeHtml(r.reason)}</span>`)}
  ${row('สถานที่เกิดเหตุ', 'Incident place', place.join(' · '))}
  ${row('ช่วงเวลาเกิดเหตุ', 'Incident window', span(r.window))}
</table>`;
}

function statement(m: Manifest): string {
  const r = m.request;
  const requester = [r.requester.rank, r.requester.name].filter(Boolean).join(' ');
  const videos = m.files.filter((f) => f.role !== 'attachment').length;
  return `<p class="statement"><span class="th">ข้าพเจ้าผู้ลงนามท้ายหนังสือนี้ ขอส่งมอบไฟล์ภาพจากกล้องวงจรปิด ${m.cameras.length} กล้อง
(ไฟล์วิดีโอ ${videos} ไฟล์ รวมทั้งหมด ${m.files.length} ไฟล์) ตามคำขอเลขที่ ${escapeHtml(r.reference)} ให้แก่ ${escapeHtml(requester)}
เพื่อประกอบคดี ${escapeHtml(r.caseNumber)} รายการไฟล์และค่า SHA-256 ปรากฏในข้อ 5 แพ็กเกจนี้ลงลายมือชื่อดิจิทัลไว้
จึงตรวจได้ว่าไม่มีไฟล์ใดถูกเพิ่ม ลบ หรือแก้ไข ตามวิธีในข้อ 7</span>
<span class="en">I, the undersigned, hand over CCTV footage from ${m.cameras.length} camera(s) (${videos} video file(s), ${m.files.length}
file(s) in all) under request ${escapeHtml(r.reference)} to ${escapeHtml(requester)} for case ${escapeHtml(r.caseNumber)}.
The files and their SHA-256 hashes are listed in section 5. The package is digitally signed, so anyone can check that no
file was added, removed or changed, as section 7 describes.</span></p>`;
}

/** The page every letter is printed in: the CSP, the Thai font inlined and the print CSS, with an empty body. */
export function letterShellHtml(title = '', body = ''): string {
  return `<!doctype html>
<html lang="th"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:">
<title>${escapeHtml(title)}</title>
<style>${sarabunFontFaces()}
${LETTER_CSS.replace('__FONT__', LETTER_FONT)}</style></head>
<body>${body}</body></html>`;
}

/** The document title: the request reference and the day it was prepared. */
export const letterTitle = (input: HandoverLetterInput): string =>
  `${input.manifest.request.reference} · ${thaiDate(input.generatedAt)}`;

/** The letter's body: page 1 holds the title, the manifest hash, the request and the statement; the annexes follow. */
export function letterBodyHtml(input: HandoverLetterInput): string {
  const m = input.manifest;
  return `<main>
<div class="first-page">${header(input)}${request(m)}${statement(m)}</div>
${steps(m)}${packageInfo(input)}${cameras(m)}${files(m)}${signingKey(input)}${howToVerify(input)}${signatures()}
</main>`;
}

/** The whole letter as one self-contained page. */
export const renderHandoverLetterHtml = (input: HandoverLetterInput): string =>
  letterShellHtml(letterTitle(input), letterBodyHtml(input));
