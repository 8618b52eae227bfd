// The known-breached common passwords that the password policy refuses, read once from the list shipped beside this
// file. Source and licence: the top 10,000 of @zxcvbn-ts/language-common 4.1.3's frequency-ranked passwords (MIT,
// © Dan Wheeler and Dropbox, Inc., © zxcvbn-ts), from breached-password corpora; see the header of
// common-passwords.txt for how it was made.
import { readFileSync } from 'node:fs';

const LIST_FILE = new URL('./common-passwords.txt', import.meta.url);

let loaded: ReadonlySet<string> | null = null;

/** Lower-case entries; read on first use, so a process that never sets a password never reads the file. */
export function commonPasswords(): ReadonlySet<string> {
  loaded ??= new Set(
    readFileSync(LIST_FILE, 'utf8')
      .split('\n')
      .map((line) => line.trim().toLowerCase())
      .filter((line) => line !== '' && !line.startsWith('#')),
  );
  return loaded;
}
