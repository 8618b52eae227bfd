// Which zip entry names are safe to extract anywhere: relative, forward slashes only, no `..`, no NUL.

export function isSafeEntryName(name: string): boolean {
  if (name === '' || name.includes('\0') || name.includes('\\')) return false;
  // Absolute on POSIX, or a Windows drive path such as `C:x`.
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return false;
  return !name.split('/').includes('..');
}
