// Finds the NUL character (U+0000) in parsed request input: PostgreSQL cannot store it in text or jsonb.
const NUL = '\u0000';

/** The JSON-pointer-like path of the first string (or object key) holding a NUL, or null when there is none. */
export function findNul(value: unknown): string | null {
  // Iterative, so a deeply nested body cannot overflow the stack.
  const stack: { value: unknown; path: string }[] = [{ value, path: '' }];
  while (stack.length > 0) {
    const { value: current, path } = stack.pop()!;
    if (typeof current === 'string') {
      if (current.includes(NUL)) return path || '/';
      continue;
    }
    if (current === null || typeof current !== 'object' || Buffer.isBuffer(current)) continue;
    for (const [key, child] of Object.entries(current)) {
      const childPath = `${path}/${key.replaceAll(NUL, '\\u0000')}`;
      if (key.includes(NUL)) return childPath;
      stack.push({ value: child, path: childPath });
    }
  }
  return null;
}
