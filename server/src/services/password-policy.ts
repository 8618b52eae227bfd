// The password policy, the one place that decides whether a password may be set (new user, admin reset, own change,
// first admin from the CLI): long enough, not built on the username, not a known-breached common password.
import { HttpError } from '../lib/http-error';
import { PASSWORD_MIN_LENGTH } from '../schemas';
import { commonPasswords } from './common-passwords';

export type PasswordProblemCode = 'too_short' | 'contains_username' | 'common';

export interface PasswordProblem {
  code: PasswordProblemCode;
  message: string;
  messageTh: string;
}

/** Shorter usernames are not looked for inside a password: 'ab' would forbid a good share of all passwords. */
const MIN_USERNAME_CHECKED = 3;

// Digits, punctuation, symbols and spaces around a word add little against a guesser: 'Password2024!' is 'password'.
const DECORATION = /^[\p{N}\p{P}\p{S}\s]+|[\p{N}\p{P}\p{S}\s]+$/gu;

/** Every unit the text is a repetition of ('abcabcabcabc' → 'abc', 'abcabc'), shortest first. */
function repeatedUnits(text: string): string[] {
  const chars = [...text];
  const units: string[] = [];
  for (let size = 1; size <= chars.length / 2; size++) {
    if (chars.length % size !== 0) continue;
    const unit = chars.slice(0, size).join('');
    if (unit.repeat(chars.length / size) === text) units.push(unit);
  }
  return units;
}

/** The forms a guesser would try first: the password itself, without its decoration, and what it repeats. */
function guessableForms(password: string): string[] {
  const lower = password.toLowerCase();
  const forms = new Set([lower, lower.replace(DECORATION, '')]);
  for (const form of [...forms]) for (const unit of repeatedUnits(form)) forms.add(unit);
  forms.delete('');
  return [...forms];
}

/** Why this password may not be set for this user; empty when it may. */
export function passwordProblems(password: string, username: string): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  // Code points, so a Thai character counts once however JavaScript stores it.
  if ([...password].length < PASSWORD_MIN_LENGTH) {
    problems.push({
      code: 'too_short',
      message: `it must be at least ${PASSWORD_MIN_LENGTH} characters long`,
      messageTh: `ต้องยาวอย่างน้อย ${PASSWORD_MIN_LENGTH} ตัวอักษร`,
    });
  }
  const name = username.trim().toLowerCase();
  if (name.length >= MIN_USERNAME_CHECKED && password.toLowerCase().includes(name)) {
    problems.push({
      code: 'contains_username',
      message: 'it must not contain the username',
      messageTh: 'ต้องไม่มีชื่อผู้ใช้อยู่ในรหัสผ่าน',
    });
  }
  const common = commonPasswords();
  if (guessableForms(password).some((form) => common.has(form))) {
    problems.push({
      code: 'common',
      message: 'it is (or is built on) a common password found in breached-password lists',
      messageTh: 'เป็นรหัสผ่านที่ใช้กันทั่วไปและพบในรายการรหัสผ่านที่รั่วไหล (หรือดัดแปลงจากรหัสผ่านดังกล่าว)',
    });
  }
  return problems;
}

/** The 400 for a refused password, every reason in English and Thai. */
export function passwordRefusal(problems: readonly PasswordProblem[]): HttpError {
  return new HttpError(
    400,
    `Password not accepted: ${problems.map((p) => p.message).join('; ')}`,
    `ไม่สามารถใช้รหัสผ่านนี้ได้: ${problems.map((p) => p.messageTh).join(' และ ')}`,
  );
}

/** Throws the 400 with every reason when the password breaks the policy. */
export function assertPasswordAllowed(password: string, username: string): void {
  const problems = passwordProblems(password, username);
  if (problems.length > 0) throw passwordRefusal(problems);
}
