// A small least-recently-used cache for views that are costly to compute (rendered charts), keyed by
// the store's change token so that any change to the casebook makes every entry stale.

export class ViewCache<V> {
  private readonly entries = new Map<string, V>();

  constructor(private readonly capacity = 64) {}

  async get(token: string, key: string, compute: () => V | Promise<V>): Promise<V> {
    const full = `${token}\u0000${key}`;
    const hit = this.entries.get(full);
    if (hit !== undefined) {
      // Re-insert so the entry becomes the most recently used.
      this.entries.delete(full);
      this.entries.set(full, hit);
      return hit;
    }
    const value = await compute();
    this.entries.set(full, value);
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    return value;
  }
}
