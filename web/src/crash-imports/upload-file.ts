// What the browser checks about a crash file before sending it, and how it names and labels it for the server.

/** The server's own limit (MAX_UPLOAD_BYTES in crash-imports.routes.ts): a bigger file is refused with 413. */
export const MAX_UPLOAD_BYTES = 128 * 1024 * 1024;

export type FileProblem = 'type' | 'empty' | 'tooLarge' | 'name';

const EXTENSION = /\.(csv|geojson|json)$/i;
/** The server's pattern for `name` (CrashUploadQuery) before the extension: 1–120 characters, no slash, no control. */
function nameBodyOk(body: string): boolean {
  return body.length >= 1 && body.length <= 120 && ![...body].some((c) => c === '/' || c === '\\' || c < ' ');
}

function extension(name: string): string {
  return EXTENSION.exec(name)?.[1]?.toLowerCase() ?? '';
}

/**
 * The name sent with the upload. The server takes `.csv` or `.CSV` but not `.Csv`: a mixed-case extension is sent in
 * lower case rather than refused, since the extension is all the server reads from it besides the list's label.
 */
export function uploadName(name: string): string {
  const match = EXTENSION.exec(name);
  if (!match) return name;
  const ext = match[1]!;
  if (ext === ext.toLowerCase() || ext === ext.toUpperCase()) return name;
  return name.slice(0, match.index + 1) + ext.toLowerCase();
}

/** Why this file cannot be sent, or null when it can. */
export function fileProblem(file: { name: string; size: number }): FileProblem | null {
  const ext = extension(file.name);
  if (!ext) return 'type';
  if (file.size === 0) return 'empty';
  if (file.size > MAX_UPLOAD_BYTES) return 'tooLarge';
  if (!nameBodyOk(file.name.slice(0, -(ext.length + 1)))) return 'name';
  return null;
}

/**
 * The Content-Type of the body, by the extension: browsers give a .geojson no type or application/json, which the
 * server does not take.
 */
export function uploadContentType(name: string): string {
  switch (extension(name)) {
    case 'csv':
      return 'text/csv';
    case 'geojson':
    case 'json':
      return 'application/geo+json';
    default:
      return 'application/octet-stream';
  }
}
