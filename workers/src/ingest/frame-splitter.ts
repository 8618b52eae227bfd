// Cuts a raw video byte stream into whole frames of a fixed size, copying each byte once.
export class FrameSplitter {
  private frame: Buffer;
  private filled = 0;

  constructor(
    readonly frameBytes: number,
    private readonly onFrame: (frame: Buffer) => void,
  ) {
    this.frame = Buffer.allocUnsafe(frameBytes);
  }

  push(chunk: Buffer): void {
    let offset = 0;
    while (offset < chunk.length) {
      const copied = chunk.copy(this.frame, this.filled, offset, offset + (this.frameBytes - this.filled));
      this.filled += copied;
      offset += copied;
      if (this.filled === this.frameBytes) {
        const complete = this.frame;
        // A fresh buffer per frame: the consumer may hold the previous one while inference runs.
        this.frame = Buffer.allocUnsafe(this.frameBytes);
        this.filled = 0;
        this.onFrame(complete);
      }
    }
  }
}
