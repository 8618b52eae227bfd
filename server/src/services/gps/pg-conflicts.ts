// Turns PostgreSQL constraint violations of fleet writes into bilingual 4xx replies.
import { HttpError } from '../../lib/http-error';

/** Runs a write; a duplicate becomes 409 and a missing referenced row (feed, vehicle) 400. */
export async function withFleetConstraints<T>(
  what: { en: string; th: string },
  write: () => Promise<T>,
): Promise<T> {
  try {
    return await write();
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === '23505') throw new HttpError(409, `${what.en} already exists`, `มี${what.th}นี้อยู่แล้ว`);
    if (code === '23503')
      throw new HttpError(400, 'The feed or vehicle it refers to does not exist', 'ไม่พบฟีดหรือรถที่อ้างถึง');
    if (code === '23514')
      throw new HttpError(400, `${what.en} has a value out of range`, `ค่าของ${what.th}ไม่ถูกต้อง`);
    throw error;
  }
}
