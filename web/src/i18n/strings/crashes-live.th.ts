// Thai strings of the control room's live crash layer (crashes and camera traffic incidents, last 24 hours).
export const crashesLiveTh = {
  'mapLayers.group.crashes24h': 'อุบัติเหตุ 24 ชม. ล่าสุด',
  'crashesLive.class.fatal': 'อุบัติเหตุ: มีผู้เสียชีวิต',
  'crashesLive.class.serious': 'อุบัติเหตุ: บาดเจ็บสาหัส',
  'crashesLive.class.minor': 'อุบัติเหตุ: บาดเจ็บเล็กน้อย',
  'crashesLive.class.damage_only': 'อุบัติเหตุ: ทรัพย์สินเสียหายเท่านั้น',
  'crashesLive.incident': 'เหตุจากกล้องที่ยังไม่ยืนยัน (ขอบสีขาว)',
} as const;
