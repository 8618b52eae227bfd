// Thai UI strings (the default language of the control room); must cover every English key.
import type { Translations } from './en';

export const th: Translations = {
  'app.title': 'ศูนย์ควบคุมและสั่งการจราจร จังหวัดฉะเชิงเทรา',
  'app.shortTitle': 'ศูนย์ควบคุมจราจร ฉะเชิงเทรา',
  'common.loading': 'กำลังโหลด…',

  'lang.label': 'ภาษา',
  'lang.th': 'ไทย',
  'lang.en': 'EN',

  'login.title': 'เข้าสู่ระบบ',
  'login.subtitle': 'สำหรับเจ้าหน้าที่ศูนย์ควบคุมจราจรเท่านั้น',
  'login.username': 'ชื่อผู้ใช้',
  'login.password': 'รหัสผ่าน',
  'login.submit': 'เข้าสู่ระบบ',
  'login.submitting': 'กำลังเข้าสู่ระบบ…',
  'login.error.invalid': 'เข้าสู่ระบบไม่สำเร็จ: ข้อมูลเข้าสู่ระบบไม่ถูกต้อง กรุณาลองใหม่',
  'login.error.rateLimited': 'พยายามเข้าสู่ระบบหลายครั้งเกินไป กรุณารอสักครู่แล้วลองใหม่',
  'login.error.network': 'ไม่สามารถติดต่อเซิร์ฟเวอร์ได้ กรุณาตรวจสอบเครือข่ายแล้วลองใหม่',
  'login.error.missing': 'กรุณากรอกชื่อผู้ใช้และรหัสผ่าน',
  'login.error.generic': 'เข้าสู่ระบบไม่สำเร็จ กรุณาลองใหม่อีกครั้ง',

  'header.signedInAs': 'ผู้ใช้',
  'header.logout': 'ออกจากระบบ',
  'nav.map': 'แผนที่สด',
  'nav.home': 'เครื่องมือของฉัน',
  'nav.wall': 'วิดีโอวอลล์',
  'nav.elephants': 'สถานการณ์ช้างป่า',

  'role.admin': 'ผู้ดูแลระบบ',
  'role.operator': 'เจ้าหน้าที่ควบคุม',
  'role.police': 'ตำรวจ',
  'role.planner': 'นักวางแผนจราจร',
  'role.viewer': 'ผู้เข้าชม',

  'connection.connecting': 'กำลังเชื่อมต่อ…',
  'connection.connected': 'ออนไลน์',
  'connection.reconnecting': 'กำลังเชื่อมต่อใหม่…',
  'connection.disconnected': 'ออฟไลน์',
  'connection.banner.connecting': 'กำลังเชื่อมต่อข้อมูลสด…',
  'connection.banner.reconnecting': 'การเชื่อมต่อขาดหาย กำลังเชื่อมต่อใหม่ ข้อมูลบนแผนที่อาจไม่เป็นปัจจุบัน',
  'connection.banner.disconnected': 'ขาดการเชื่อมต่อกับเซิร์ฟเวอร์ หยุดรับข้อมูลสดชั่วคราว กำลังลองใหม่',

  'events.title': 'เหตุการณ์ล่าสุด',
  'events.empty': 'ยังไม่มีเหตุการณ์',
  'events.loadFailed': 'โหลดรายการเหตุการณ์ไม่สำเร็จ',
  'events.noCamera': 'ไม่มีกล้อง',
  'events.unknownCamera': 'กล้อง #{{id}}',
  'events.acknowledge': 'รับทราบ',
  'events.resolve': 'ปิดเหตุการณ์',
  'events.actionFailed': 'ดำเนินการไม่สำเร็จ',
  'events.vehicles.total': 'รวม {{total}} คัน',
  'events.vehicles.none': 'ไม่พบยานพาหนะ',
  'events.showOnMap': 'แสดงบนแผนที่',

  'cameras.title': 'กล้อง',
  'cameras.loadFailed': 'โหลดรายการกล้องไม่สำเร็จ',

  'eventType.traffic.vehicles': 'นับจำนวนรถ',
  'eventType.traffic.accident': 'อุบัติเหตุทางถนน',
  'eventType.traffic.incident': 'เหตุขัดข้องบนถนน',
  'eventType.traffic.congestion': 'การจราจรติดขัด',
  'eventType.elephant.sighting': 'พบช้างป่า',
  'eventType.elephant.warning': 'เตือนภัยช้างป่า',
  'eventType.crowd.count': 'นับจำนวนคน',
  'eventType.crowd.alert': 'แจ้งเตือนฝูงชน',

  'severity.info': 'ข้อมูล',
  'severity.low': 'ต่ำ',
  'severity.medium': 'ปานกลาง',
  'severity.high': 'สูง',
  'severity.critical': 'วิกฤต',

  'eventStatus.open': 'ใหม่',
  'eventStatus.acknowledged': 'รับทราบแล้ว',
  'eventStatus.resolved': 'ปิดแล้ว',
  'eventStatus.false_alarm': 'แจ้งเตือนผิดพลาด',

  'cameraStatus.starting': 'กำลังเริ่ม',
  'cameraStatus.online': 'ออนไลน์',
  'cameraStatus.stalled': 'ภาพค้าง',
  'cameraStatus.offline': 'ออฟไลน์',
  'cameraStatus.error': 'ผิดพลาด',
  'cameraStatus.disabled': 'ปิดใช้งาน',

  'vehicle.car': 'รถยนต์',
  'vehicle.truck': 'รถบรรทุก',
  'vehicle.bus': 'รถโดยสาร',
  'vehicle.motorcycle': 'รถจักรยานยนต์',
  'vehicle.bicycle': 'จักรยาน',
  'vehicle.person': 'คน',

  'map.label': 'แผนที่จังหวัดฉะเชิงเทรา',
  'map.attribution': 'ถนน © ผู้ร่วมให้ข้อมูล OpenStreetMap (ODbL) · ขอบเขตการปกครอง © OCHA COD-AB (CC BY-IGO)',
  'map.basemapFailed': 'โหลดข้อมูลแผนที่พื้นฐานไม่สำเร็จ',

  'home.police.title': 'คำขอภาพจากกล้อง',
  'home.police.body':
    'ส่วนนี้จะใช้ค้นหาภาพบันทึกตามสถานที่และเวลา ยื่นคำขอพร้อมเลขคดี และดาวน์โหลดไฟล์ที่อนุมัติและลงนามแล้ว เครื่องมือนี้จะเปิดให้ใช้เร็ว ๆ นี้',
  'home.planner.title': 'วิเคราะห์อุบัติเหตุ',
  'home.planner.body':
    'ส่วนนี้จะใช้ค้นหาจุดเสี่ยงอุบัติเหตุตามพื้นที่ ช่วงเวลา ประเภท และสาเหตุ เปรียบเทียบก่อนและหลังการปรับปรุง และส่งออกรายงาน เครื่องมือนี้จะเปิดให้ใช้เร็ว ๆ นี้',
  'home.openMap': 'เปิดแผนที่สด',

  'error.sessionExpired': 'หมดเวลาการใช้งาน กรุณาเข้าสู่ระบบอีกครั้ง',

  'alarms.unacknowledged': 'ยังไม่รับทราบ {{n}} รายการ',
  'cameras.healthDetails': 'สถานะกล้องแต่ละตัว',
  'cameras.healthFigures': 'ตรวจจับ {{detectFps}} จาก {{inputFps}} เฟรม/วินาที · {{inferenceMs}} มิลลิวินาที · ติดตาม {{tracks}} วัตถุ',
  'alarms.shortcuts': 'ปุ่มลัด: J / ↓ รายการถัดไป, K / ↑ ก่อนหน้า, A รับทราบ, Esc กลับไปรายการ',
  'alarms.type': 'ประเภท',
  'alarms.allTypes': 'ทุกประเภท',
  'alarms.minSeverity': 'ความรุนแรงตั้งแต่',
  'alarms.status': 'สถานะ',
  'alarms.active': 'รอดำเนินการ',
  'alarms.allStatuses': 'ทุกสถานะ',
  'detail.close': 'กลับไปรายการแจ้งเตือน',
  'detail.camera': 'กล้อง',
  'detail.started': 'เริ่มเมื่อ',
  'detail.ended': 'สิ้นสุดเมื่อ',
  'detail.confidence': 'ความเชื่อมั่น',
  'detail.position': 'ตำแหน่ง',
  'detail.positionCalibrated': 'ตำแหน่งจริงบนพื้น จากการปรับเทียบกล้อง',
  'detail.trap': 'กล้องดักถ่าย',
  'detail.positionTrap': 'ที่ตั้งกล้องดักถ่าย',
  'detail.positionCamera': 'ที่ตั้งกล้อง (ยังไม่ได้ปรับเทียบ)',
  'detail.snapshotFrame': 'ภาพเต็มพร้อมกรอบวัตถุ',
  'detail.snapshotObject': 'ภาพขยายวัตถุ',
  'detail.timeline': 'ลำดับเหตุการณ์',
  'detail.note': 'บันทึก',
  'detail.notePlaceholder': 'บันทึกประกอบ (ไม่บังคับ)',
  'detail.falseAlarm': 'แจ้งเตือนผิดพลาด',
  'detail.placesWarned': 'พื้นที่ที่แจ้งเตือน ({{n}})',
  'detail.distanceKm': '{{km}} กม.',
  'events.details': 'รายละเอียด',
  'timeline.opened': 'ตรวจพบ',
  'timeline.updated': 'ระบบปรับปรุงข้อมูล',
  'timeline.reopened': 'ตรวจพบอีกครั้ง',
  'timeline.ended': 'ไม่พบแล้ว',
  'timeline.acknowledged': 'รับทราบ',
  'timeline.resolved': 'ปิดเหตุการณ์',
  'timeline.false_alarm': 'ระบุว่าแจ้งเตือนผิดพลาด',
  // — live video —
  'video.live': 'ภาพสดจากกล้อง',
  'video.waiting': 'กำลังรอภาพ…',
  'video.stale': 'ไม่ได้รับภาพมาหลายวินาที',

  // — video wall —

  // — camera setup —

  // — elephant situation —

  // — map layers —
};
