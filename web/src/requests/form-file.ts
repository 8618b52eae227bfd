// Which media type a chosen scanned form is sent as: the browser's own type, or its name's extension when the browser
// gives none; anything but PDF and JPEG is refused before upload. A refused upload is said in the user's language.
import { failureOf, type Failure } from '../account/api-failure';
import { ApiError } from '../api/api-error';
import type { FormMediaType } from '../api/footage-requests.api';

const BY_EXTENSION: Record<string, FormMediaType> = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
};

export function formMediaTypeOf(file: { name: string; type: string }): FormMediaType | null {
  const type = file.type.toLowerCase();
  if (type === 'application/pdf' || type === 'image/jpeg') return type;
  if (type !== '' && type !== 'application/octet-stream') return null;
  const extension = /\.([a-z]+)$/i.exec(file.name)?.[1]?.toLowerCase() ?? '';
  return BY_EXTENSION[extension] ?? null;
}

/** The accept attribute of the file input. */
export const FORM_FILE_ACCEPT = 'application/pdf,image/jpeg,.pdf,.jpg,.jpeg';

/** Why an upload failed: a file over the server's size limit or of a refused type is said in the web's own words. */
export function formUploadFailure(error: unknown): Failure {
  if (error instanceof ApiError && error.status === 413) return { key: 'requests.attach.tooLarge' };
  if (error instanceof ApiError && error.status === 415) return { key: 'requests.problem.fileType' };
  return failureOf(error, 'requests.offline');
}
