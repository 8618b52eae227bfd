// A report or history period from its query (ISO times already checked by the schema): 400 with the reason when it
// is reversed, empty or longer than the route allows.
import { HttpError } from './http-error';

export interface Period {
  from: Date;
  to: Date;
}

/** For optional bounds: when both are given, `from` must come before `to`. */
export function assertOrdered(from: string | undefined, to: string | undefined): void {
  if (from !== undefined && to !== undefined && !(new Date(from) < new Date(to))) throw reversed();
}

const reversed = () => new HttpError(400, '"from" must be before "to"', 'เวลาเริ่มต้องอยู่ก่อนเวลาสิ้นสุด');

export function periodOf(query: { from: string; to: string }, maxDays: number): Period {
  const from = new Date(query.from);
  const to = new Date(query.to);
  if (!(from < to)) throw reversed();
  if (to.getTime() - from.getTime() > maxDays * 86_400_000)
    throw new HttpError(400, `The period can be at most ${maxDays} days`, `ช่วงเวลาต้องไม่เกิน ${maxDays} วัน`);
  return { from, to };
}
