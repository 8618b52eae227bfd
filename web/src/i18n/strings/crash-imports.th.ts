// Thai strings of the crash file import page; the keys are the English ones.
import type { crashImportsEn } from './crash-imports.en';

export const crashImportsTh: Record<keyof typeof crashImportsEn, string> = {
  'crashImports.title': 'นำเข้าไฟล์อุบัติเหตุ',
  'crashImports.intro':
    'อัปโหลดตารางข้อมูลอุบัติเหตุของกรมทางหลวง / กระทรวงคมนาคม (CSV) หรือจุดเกิดเหตุที่มีผู้เสียชีวิตระดับประเทศ (GeoJSON) ระบบจะบันทึกแถวที่อ่านได้ และการนำเข้าไฟล์เดิมซ้ำจะไม่เปลี่ยนแปลงข้อมูล แถวที่อ่านไม่ได้จะแสดงพร้อมเลขบรรทัด ไฟล์ที่ใหญ่กว่า 128 MB ให้นำเข้าบนเซิร์ฟเวอร์ด้วยเครื่องมือบรรทัดคำสั่ง (npm run import:crashes)',
  'crashImports.choose': 'เลือกไฟล์ (.csv, .geojson)',
  'crashImports.drop': 'หรือลากไฟล์มาวางที่นี่',
  'crashImports.dropActive': 'วางไฟล์เพื่อเลือก',
  'crashImports.chosen': '{{name}} · {{size}}',
  'crashImports.none': 'ยังไม่ได้เลือกไฟล์',
  'crashImports.problem.type': 'กรุณาเลือกไฟล์ .csv, .geojson หรือ .json',
  'crashImports.problem.empty': 'ไฟล์นี้ว่างเปล่า',
  'crashImports.problem.tooLarge':
    'ไฟล์นี้ใหญ่กว่า 128 MB ซึ่งเป็นขนาดสูงสุดที่เซิร์ฟเวอร์รับได้ กรุณานำเข้าบนเซิร์ฟเวอร์ด้วยเครื่องมือบรรทัดคำสั่ง',
  'crashImports.problem.name': 'ชื่อไฟล์ยาวเกินไปหรือมีอักขระที่เซิร์ฟเวอร์ไม่รับ กรุณาเปลี่ยนชื่อไฟล์ (ไม่เกิน 120 ตัวอักษร)',
  'crashImports.source': 'แหล่งข้อมูล',
  'crashImports.source.auto': 'อัตโนมัติ (ตามชนิดไฟล์)',
  'crashImports.source.doh_csv': 'ตารางอุบัติเหตุ กรมทางหลวง/คมนาคม (CSV)',
  'crashImports.source.fatal_points': 'จุดเกิดเหตุที่มีผู้เสียชีวิต (GeoJSON)',
  'crashImports.upload': 'อัปโหลดและนำเข้า',
  'crashImports.cancel': 'ยกเลิก',

  'crashImports.sending': 'กำลังส่ง {{name}}…',
  'crashImports.sent': '{{percent}} % · ส่งแล้ว {{sent}} จาก {{total}} MB',
  'crashImports.importing': 'เซิร์ฟเวอร์กำลังนำเข้า {{name}}… ตารางขนาดใหญ่อาจใช้เวลาหลายนาที',
  'crashImports.importingCancel': 'การยกเลิกเป็นเพียงการหยุดรอ เซิร์ฟเวอร์อาจนำเข้าจนเสร็จอยู่ดี และจะแสดงในรายการด้านล่าง',
  'crashImports.progressLabel': 'ความคืบหน้าการอัปโหลด',

  'crashImports.result.title': 'นำเข้าแล้ว: {{name}}',
  'crashImports.result.source': 'อ่านเป็น: {{source}}',
  'crashImports.result.snapped': 'อุบัติเหตุ {{n}} รายอยู่บนถนนสายหลัก (จับคู่กับโครงข่ายถนนได้)',
  'crashImports.count.read': 'แถวที่อ่าน',
  'crashImports.count.added': 'เพิ่มใหม่',
  'crashImports.count.updated': 'ปรับปรุง',
  'crashImports.count.same': 'ไม่เปลี่ยนแปลง',
  'crashImports.count.rejected': 'ถูกปฏิเสธ',
  'crashImports.rejected.title': 'แถวที่ถูกปฏิเสธ',
  'crashImports.rejected.first': 'แสดง {{shown}} แถวแรกตามลำดับบรรทัด จากทั้งหมด {{total}} แถวที่ถูกปฏิเสธ',
  'crashImports.rejected.none': 'ไม่มีแถวที่ถูกปฏิเสธ',
  'crashImports.rejected.line': 'บรรทัด',
  'crashImports.rejected.reason': 'เหตุผล',

  'crashImports.error.refused': 'เซิร์ฟเวอร์ไม่ได้นำเข้าไฟล์: {{reason}}',
  'crashImports.error.network': 'ติดต่อเซิร์ฟเวอร์ไม่ได้ การอัปโหลดจึงไม่สำเร็จ กรุณาตรวจสอบการเชื่อมต่อแล้วลองใหม่',
  'crashImports.error.cancelled':
    'ยกเลิกการอัปโหลดแล้ว หากส่งไฟล์ครบแล้ว เซิร์ฟเวอร์อาจนำเข้าไฟล์ไปแล้ว ดูได้ในรายการด้านล่าง',
  'crashImports.error.tooLarge':
    'ไฟล์ใหญ่เกินกว่าที่เซิร์ฟเวอร์รับได้ (สูงสุด 128 MB) กรุณานำเข้าบนเซิร์ฟเวอร์ด้วยเครื่องมือบรรทัดคำสั่ง',
  'crashImports.error.wrongType': 'เซิร์ฟเวอร์ไม่รับไฟล์ชนิดนี้ กรุณาส่งตาราง .csv หรือไฟล์ .geojson',
  'crashImports.error.signedOut': 'เซสชันสิ้นสุดแล้ว กรุณาเข้าสู่ระบบใหม่ แล้วอัปโหลดไฟล์อีกครั้ง',
  'crashImports.error.unknown': 'เซิร์ฟเวอร์ไม่ได้นำเข้าไฟล์ (HTTP {{status}})',

  'crashImports.list.title': 'ประวัติการนำเข้า',
  'crashImports.list.note': '50 รายการล่าสุด รายการใหม่อยู่บนสุด เวลาเป็นเวลากรุงเทพฯ',
  'crashImports.list.empty': 'ยังไม่เคยนำเข้าไฟล์อุบัติเหตุ',
  'crashImports.list.failed': 'โหลดรายการนำเข้าไม่สำเร็จ: {{reason}}',
  'crashImports.list.offline': 'ติดต่อเซิร์ฟเวอร์ไม่ได้',
  'crashImports.list.refresh': 'รีเฟรช',
  'crashImports.col.file': 'ไฟล์',
  'crashImports.col.source': 'แหล่งข้อมูล',
  'crashImports.col.by': 'ผู้นำเข้า',
  'crashImports.col.when': 'เริ่มเมื่อ',
  'crashImports.col.status': 'สถานะ',
  'crashImports.status.running': 'กำลังนำเข้า',
  'crashImports.status.done': 'สำเร็จ',
  'crashImports.status.failed': 'ล้มเหลว',
};
