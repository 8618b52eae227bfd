// The feed as a whole cannot be used (unreadable zip or file, missing agency.txt, ...): nothing of it is written.
export class GtfsFeedError extends Error {
  constructor(
    message: string,
    readonly messageTh: string,
  ) {
    super(message);
  }
}
