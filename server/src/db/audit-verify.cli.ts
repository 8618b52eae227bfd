// `npm run audit:verify`: recomputes the audit log's hash chain (DATABASE_URL) and reports OK with the row count and the
// head hash (note it elsewhere: a later run must show the same row with that hash), or the first broken row and why
// (exit 1). Read-only: it never migrates or writes. Exit 2 when the check could not run at all.
import { loadConfig } from '../config';
import { createPool, type Pool } from './pool';
import { verifyAuditChain } from '../services/audit-verify.service';

let pool: Pool | null = null;
try {
  pool = createPool(loadConfig().databaseUrl, 1);
  const report = await verifyAuditChain(pool);
  if (report.ok) {
    console.log(
      `Audit chain OK: ${report.rows} rows, last row ${report.lastId}, head hash ${report.lastHash}`,
    );
    console.log(`ห่วงโซ่บันทึกการตรวจสอบถูกต้อง: ${report.rows} แถว แถวสุดท้าย ${report.lastId}`);
  } else {
    console.error(
      `Audit chain BROKEN at row ${report.broken.id} (${report.rows} rows before it verified): ${report.broken.reason}`,
    );
    console.error(`ห่วงโซ่บันทึกการตรวจสอบเสียหายที่แถว ${report.broken.id}: ${report.broken.reasonTh}`);
    process.exitCode = 1;
  }
} catch (error) {
  console.error(`Audit chain could not be checked / ตรวจสอบห่วงโซ่ไม่ได้: ${(error as Error).message}`);
  process.exitCode = 2;
} finally {
  await pool?.end();
}
