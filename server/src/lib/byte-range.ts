// Reads an HTTP Range header (RFC 9110) for one file: the single byte range to send, the whole file, or none that fits.

export type ByteRange =
  | { kind: 'whole' }
  /** Inclusive offsets, within the file. */
  | { kind: 'part'; start: number; end: number }
  | { kind: 'unsatisfiable' };

const SPEC = /^(\d*)-(\d*)$/;

/**
 * A header this server does not take (another unit, several ranges, bad syntax) is ignored and the whole file sent, as
 * the RFC allows; a well-formed range that starts past the end is unsatisfiable (416).
 */
export function parseByteRange(header: string | undefined, size: number): ByteRange {
  if (header === undefined) return { kind: 'whole' };
  const match = /^bytes=(.+)$/i.exec(header.trim());
  if (!match || match[1]!.includes(',')) return { kind: 'whole' };
  const spec = SPEC.exec(match[1]!.trim());
  if (!spec || (spec[1] === '' && spec[2] === '')) return { kind: 'whole' };
  const [first, last] = [spec[1]!, spec[2]!];
  if (first === '') {
    // A suffix: the last N bytes.
    const length = Number(last);
    if (!Number.isSafeInteger(length)) return { kind: 'whole' };
    if (length === 0 || size === 0) return { kind: 'unsatisfiable' };
    return { kind: 'part', start: Math.max(0, size - length), end: size - 1 };
  }
  const start = Number(first);
  const end = last === '' ? Number.MAX_SAFE_INTEGER : Number(last);
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || end < start) return { kind: 'whole' };
  if (start >= size) return { kind: 'unsatisfiable' };
  return { kind: 'part', start, end: Math.min(end, size - 1) };
}
