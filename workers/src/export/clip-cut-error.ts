// Why an evidence clip could not be cut, in English and Thai (the export shows both to the requester and reviewer).

export type ClipCutErrorCode =
  'bad_window' | 'no_footage' | 'segment_unreadable' | 'ffmpeg_failed' | 'cut_mismatch';

export class ClipCutError extends Error {
  constructor(
    readonly code: ClipCutErrorCode,
    message: string,
    readonly messageTh: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'ClipCutError';
  }
}
