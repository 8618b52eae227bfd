// Latest-wins buffer: collapses a burst of updates to one per key until the next flush.
export class LatestWinsBuffer<K, V> {
  private readonly pending = new Map<K, V>();

  /**
   * @param keyOf - identity of an update (event id, camera id)
   * @param isNewer - whether `next` should replace `current`; ties go to the later arrival
   */
  constructor(
    private readonly keyOf: (value: V) => K,
    private readonly isNewer: (next: V, current: V) => boolean = () => true,
  ) {}

  get size(): number {
    return this.pending.size;
  }

  put(value: V): void {
    const key = this.keyOf(value);
    const current = this.pending.get(key);
    if (current === undefined || this.isNewer(value, current)) this.pending.set(key, value);
  }

  /** Everything buffered since the last drain, oldest key first; leaves the buffer empty. */
  drain(): V[] {
    const values = [...this.pending.values()];
    this.pending.clear();
    return values;
  }
}
