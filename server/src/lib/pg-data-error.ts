// PostgreSQL data exceptions (SQLSTATE class 22: out of range, invalid text, bad dates…): values the route schemas
// should have refused. The error handler turns them into a 400 as a last safety net, never as the first check.
export const DATA_EXCEPTION_REPLY = {
  message: 'A value is out of range or not valid for storage',
  messageTh: 'มีค่าที่เกินขอบเขตหรือไม่ถูกต้องสำหรับการจัดเก็บ',
} as const;

/** A `pg` DatabaseError of class 22 (it carries a five-character SQLSTATE `code` and a `severity`). */
export function isPgDataException(error: unknown): boolean {
  if (error === null || typeof error !== 'object' || !('severity' in error)) return false;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && /^22[0-9A-Z]{3}$/.test(code);
}
