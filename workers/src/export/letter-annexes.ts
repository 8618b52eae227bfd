// The letter's annexes (pages 2 on): steps, package, cameras, files, signing key, how to verify, signatures.
import { ENVELOPE, type Manifest, type PackageCamera } from '@toc/verifier/manifest';
import type { HandoverLetterInput } from './handover-letter-html';
import { formatBytes, formatLatLon, roleLabel, stepLabel } from './letter-labels';
import { bi, escapeHtml, mono, row, span, when } from './letter-markup';

/** The command the letter tells the receiver to run (the file name quoted for a shell when it needs it). */
export function verifyCommand(packageFileName: string, fingerprint: string): string {
  const name = /^[\w.+-]+$/.test(packageFileName)
    ? packageFileName
    : `'${packageFileName.replace(/'/g, `'\\''`)}'`;
  return `npm run verify -- ${name} --fingerprint ${fingerprint}`;
}

export function steps(m: Manifest): string {
  const rows = m.request.steps.map((s) => {
    const label = stepLabel(s.status);
    return `<tr><td>${bi(label.th, label.en)}</td><td>${when(s.at)}</td><td>${escapeHtml(s.by ?? '—')}</td><td class="text">${escapeHtml(s.note ?? '')}</td></tr>`;
  });
  return `<h2>${bi('2. ลำดับการดำเนินการ', 'Steps')}</h2>
<table class="grid steps"><thead><tr><th>${bi('ขั้นตอน', 'Step')}</th><th>${bi('เวลา', 'Time')}</th><th>${bi('โดย', 'By')}</th><th>${bi('หมายเหตุ', 'Note')}</th></tr></thead>
<tbody>${rows.join('')}</tbody></table>`;
}

export function packageInfo(input: HandoverLetterInput): string {
  const m = input.manifest;
  return `<h2>${bi('3. ข้อมูลแพ็กเกจ', 'Package')}</h2>
<table class="kv">
  ${row('รูปแบบ', 'Format', mono(m.format))}
  ${row('รหัสแพ็กเกจ', 'Package ID', mono(m.packageId))}
  ${row('สร้างเมื่อ', 'Created', when(m.createdAt))}
  ${row('ซอฟต์แวร์', 'Software', escapeHtml(`${m.software.name} ${m.software.version} · ffmpeg ${m.software.ffmpeg}`))}
  ${row('ที่มาของเวลา', 'Clock source', escapeHtml(m.clockSource))}
  ${row('เขตเวลา', 'Time zone', bi('เวลาในหนังสือนี้เป็นเวลาประเทศไทย (UTC+07:00); manifest.json ใช้เวลา UTC', 'Times in this letter are Bangkok time (UTC+07:00); manifest.json gives them in UTC'))}
</table>`;
}

function camera(c: PackageCamera): string {
  const gaps = c.gaps.length
    ? `<ol class="gaps">${c.gaps.map((g) => `<li>${span(g)}<div class="small">สาเหตุ / Reason: ${escapeHtml(g.reason)}</div></li>`).join('')}</ol>`
    : bi('ไม่มี', 'None');
  const interrupted = c.segments.filter((s) => s.interrupted).length;
  const segments =
    `${c.segments.length} ส่วน / segment(s); สิ้นสุดก่อนกำหนด / interrupted: ${interrupted}` +
    `<span class="small"> · รายการและ SHA-256 ของแต่ละส่วนอยู่ใน / each with its SHA-256 in ${ENVELOPE.manifest}</span>`;
  return `<section class="camera" data-camera-id="${escapeHtml(c.id)}">
<h3><span class="th">${escapeHtml(c.nameTh)}</span><span class="en">${escapeHtml(c.name)}</span></h3>
<table class="kv">
  ${row('หมายเลขกล้อง', 'Camera ID', escapeHtml(c.id))}
  ${row('ตำแหน่ง', 'Position', `${escapeHtml(formatLatLon(c.position))}<span class="small"> · ทิศ / heading ${escapeHtml(c.headingDeg)}° · มุมมอง / field of view ${escapeHtml(c.fovDeg)}°</span>`)}
  ${row('ช่วงเวลาที่ขอ', 'Window asked for', span(c.window))}
  ${row('ช่วงที่ภาพครอบคลุม', 'Span covered', c.covered ? span(c.covered) : bi('ไม่มีภาพบันทึกในช่วงเวลานี้', 'Nothing was recorded in the window'))}
  ${row('ช่วงที่ไม่มีภาพ', 'Gaps', gaps)}
  ${row('ส่วนบันทึกที่ใช้', 'Recorded segments used', segments)}
  ${row('ไฟล์', 'Files', c.files.map((f) => mono(f)).join('<br>'))}
</table></section>`;
}

export function cameras(m: Manifest): string {
  return `<h2>${bi('4. กล้อง', 'Cameras')}</h2>${m.cameras.map(camera).join('')}`;
}

export function files(m: Manifest): string {
  const total = m.files.reduce((sum, f) => sum + f.bytes, 0);
  // One tbody per file: its hash gets a whole line (easy to hold against sha256sum) and never parts from its name.
  const bodies = m.files.map((f, i) => {
    const role = roleLabel(f.role);
    return `<tbody data-file><tr><td rowspan="2">${i + 1}</td><td>${mono(f.path)}<span class="small"> · ${escapeHtml(role.th)} / ${escapeHtml(role.en)} · ${escapeHtml(f.mediaType)}</span></td><td class="num">${escapeHtml(formatBytes(f.bytes))}</td></tr>
<tr><td colspan="2" class="sha">SHA-256 <span class="mono">${escapeHtml(f.sha256)}</span></td></tr></tbody>`;
  });
  return `<h2>${bi('5. รายการไฟล์', 'Files')}</h2>
<table class="grid files"><thead><tr><th>#</th><th>${bi('ไฟล์', 'File')}</th><th>${bi('ขนาด', 'Size')}</th></tr></thead>
${bodies.join('')}
<tfoot><tr><td></td><td>รวม ${m.files.length} ไฟล์ / ${m.files.length} file(s) in all</td><td class="num">${escapeHtml(formatBytes(total))}</td></tr></tfoot></table>`;
}

export function signingKey(input: HandoverLetterInput): string {
  const { signer } = input.manifest;
  return `<h2>${bi('6. กุญแจที่ใช้ลงลายมือชื่อ', 'Signing key')}</h2>
<table class="kv">
  ${row('อัลกอริทึม', 'Algorithm', escapeHtml(signer.algorithm))}
  ${row('ลายนิ้วมือกุญแจ (SHA-256 ของ SPKI)', 'Key fingerprint (SHA-256 of SPKI)', `<span class="mono big" data-fingerprint>${escapeHtml(signer.publicKeyFingerprint)}</span>`)}
</table>
<pre class="mono pem">${escapeHtml(input.publicKeyPem.trim())}</pre>`;
}

export function howToVerify(input: HandoverLetterInput): string {
  const fp = input.manifest.signer.publicKeyFingerprint;
  const item = (th: string, en: string, extra = '') => `<li>${bi(th, en)}${extra}</li>`;
  return `<section class="keep"><h2>${bi('7. วิธีตรวจสอบ', 'How to verify')}</h2>
<ol class="verify">
  ${item('เทียบลายนิ้วมือกุญแจในข้อ 6 กับกุญแจสาธารณะที่หน่วยงานเผยแพร่ (GET /api/evidence/public-key)', 'Compare the key fingerprint in section 6 with the key the operator publishes (GET /api/evidence/public-key).')}
  ${item('ตรวจแพ็กเกจด้วยโปรแกรมตรวจสอบ (ในโฟลเดอร์ซอร์สโค้ดของระบบ):', 'Check the package with the verifier (in the system’s source folder):', `<pre class="mono cmd" data-verify-command>${escapeHtml(verifyCommand(input.packageFileName, fp))}</pre>`)}
  ${item('หรือเปิดหน้า “ตรวจสอบแพ็กเกจพยานหลักฐาน” ในเว็บแอปของระบบ แล้วเลือกไฟล์แพ็กเกจ', 'Or open the web app’s verify page (“Verify evidence package”) and choose the package file.', ` ${mono(input.packageFileName)}`)}
  ${item(`ค่า SHA-256 ของ ${ENVELOPE.manifest} ในแพ็กเกจต้องตรงกับค่าที่พิมพ์ในหนังสือนี้และใน QR code`, `The SHA-256 of ${ENVELOPE.manifest} in the package must equal the one printed in this letter and in its QR code.`)}
  ${item('การตรวจจะไม่ผ่าน หากลายมือชื่อไม่ถูกต้อง หรือมีไฟล์ถูกเพิ่ม ขาดหาย หรือถูกแก้ไข', 'Verification fails if the signature is wrong or any file was added, is missing or was changed.')}
</ol></section>`;
}

export function signatures(): string {
  const box = (th: string, en: string, extra: string) => `<div class="sign">
<p class="who">${bi(th, en)}</p>
<p>ลงชื่อ / Signature <span class="line"></span></p>
<p class="paren">( <span class="line"></span> )</p>
<p>ตำแหน่ง / Position <span class="line"></span></p>${extra}
<p>วันที่ / Date <span class="line"></span></p></div>`;
  return `<section class="signatures"><h2>${bi('8. ลงนาม', 'Signatures')}</h2><div class="sign-row">
${box('ผู้ส่งมอบ', 'Handed over by', '')}
${box('ผู้รับมอบ', 'Received by', '<p>เลขประจำตัว / Officer ID <span class="line"></span></p>')}
</div></section>`;
}
