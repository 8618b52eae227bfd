// Thai strings of the shell: title, sign-in, navigation, roles and connection state; the keys are the English ones.
import type { coreEn } from './core.en';

export const coreTh: Record<keyof typeof coreEn, string> = {
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
  'nav.analysis': 'อุบัติเหตุ',
  'nav.wall': 'วิดีโอวอลล์',
  'nav.elephants': 'สถานการณ์ช้างป่า',
  'nav.punctuality': 'รถเมล์ตรงเวลา',

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

  'error.sessionExpired': 'หมดเวลาการใช้งาน กรุณาเข้าสู่ระบบอีกครั้ง',
};
