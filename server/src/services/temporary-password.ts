// Temporary passwords the server makes for a new user or a reset: random, easy to read out or type from a note.
import { randomInt } from 'node:crypto';
import { passwordProblems } from './password-policy';

// No 0/o, 1/l/i: told over the phone or copied from paper, nothing is mistaken for something else.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const GROUPS = 4;
const GROUP_LENGTH = 4;

/** Four groups of four ('k7qm-x3vp-9ht2-rw4n', about 79 bits), one that the password policy accepts for this user. */
export function temporaryPassword(username: string): string {
  for (;;) {
    const groups = Array.from({ length: GROUPS }, () =>
      Array.from({ length: GROUP_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join(''),
    );
    const candidate = groups.join('-');
    // Practically always the first: a random draw that spells the username or a common password is drawn again.
    if (passwordProblems(candidate, username).length === 0) return candidate;
  }
}
