// Collects the values of a query built from parts: each value becomes a numbered placeholder, never SQL text.
export class SqlParams {
  readonly values: unknown[] = [];

  /** `$n` for the value. */
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}
