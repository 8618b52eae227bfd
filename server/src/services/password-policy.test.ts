// Small: the password policy — length, the username inside, common passwords however decorated — with reasons in
// English and Thai.
import { describe, expect, it } from 'vitest';
import { HttpError } from '../lib/http-error';
import { commonPasswords } from './common-passwords';
import { assertPasswordAllowed, passwordProblems } from './password-policy';

const codes = (password: string, username = 'somchai') =>
  passwordProblems(password, username).map((p) => p.code);

describe('password policy', () => {
  it('accepts a long passphrase that is nobody’s common password', () => {
    expect(codes('river-mango-lantern-47')).toEqual([]);
    expect(codes('ช้างป่าเขาอ่างฤๅไนตอนเช้า')).toEqual([]);
  });

  it('wants at least 12 characters, counted as characters, not UTF-16 units', () => {
    expect(codes('Xk4!vB9#qTz')).toEqual(['too_short']); // 11
    expect(codes('Xk4!vB9#qTzw')).toEqual([]); // 12
    // 11 characters, 22 UTF-16 units: still too short.
    expect(codes('🐘🐘🐘🐘🐘🐘🐘🐘🐘🐘🐘')).toEqual(['too_short']);
  });

  it('refuses a password containing the username, in any case', () => {
    expect(codes('my-SomChai-password-77', 'somchai')).toEqual(['contains_username']);
    expect(codes('xx-operator.7-river-mango', 'operator.7')).toEqual(['contains_username']);
    // A two-letter username is not looked for: it would forbid a good share of all passwords.
    expect(codes('Kabuki-theatre-night', 'ab')).toEqual([]);
  });

  it('ships a list of about 10,000 common passwords', () => {
    const list = commonPasswords();
    expect(list.size).toBeGreaterThanOrEqual(9_900);
    for (const known of ['123456', 'password', 'qwerty', 'iloveyou', '1qaz2wsx3edc'])
      expect(list.has(known)).toBe(true);
  });

  it('refuses common passwords, also with digits and symbols around them or repeated', () => {
    expect(codes('1qaz2wsx3edc')).toEqual(['common']); // in the list as it is, 12 long
    expect(codes('QWERTYUIOP!!')).toEqual(['common']);
    expect(codes('Password2024!')).toEqual(['common']);
    expect(codes('2567iloveyou2567')).toEqual(['common']);
    expect(codes('monkeymonkey')).toEqual(['common']);
    expect(codes('111111111111')).toEqual(['common']);
    expect(codes('password')).toEqual(['too_short', 'common']);
  });

  it('throws one 400 naming every reason in English and Thai', () => {
    let refusal: unknown;
    try {
      assertPasswordAllowed('admin123', 'admin');
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(HttpError);
    const error = refusal as HttpError;
    expect(error.statusCode).toBe(400);
    expect(error.message).toMatch(/at least 12 characters/);
    expect(error.message).toMatch(/username/);
    expect(error.message).toMatch(/common password/);
    expect(error.messageTh).toContain('อย่างน้อย 12 ตัวอักษร');
    expect(error.messageTh).toContain('ชื่อผู้ใช้');
    expect(() => assertPasswordAllowed('river-mango-lantern-47', 'admin')).not.toThrow();
  });
});
