// Counts attempts per key (a client address) in a sliding window, in this process: a brake on one
// address trying many names. The per-name limit lives in the store, so it holds across servers.

export class AttemptLimiter {
  private readonly attempts = new Map<string, number[]>();

  constructor(private readonly options: { max: number; windowMs: number; now?: () => number }) {}

  /** Records an attempt and says whether it is allowed. */
  allow(key: string): boolean {
    const now = this.options.now?.() ?? Date.now();
    const recent = (this.attempts.get(key) ?? []).filter((t) => now - t < this.options.windowMs);
    if (recent.length >= this.options.max) {
      this.attempts.set(key, recent);
      return false;
    }
    recent.push(now);
    this.attempts.set(key, recent);
    if (this.attempts.size > 10_000) this.prune(now);
    return true;
  }

  /** Takes back the latest attempt of a key: one that turned out not to count (a success, a name already locked). */
  release(key: string): void {
    const times = this.attempts.get(key);
    times?.pop();
    if (times?.length === 0) this.attempts.delete(key);
  }

  private prune(now: number): void {
    for (const [key, times] of this.attempts) {
      if (times.every((t) => now - t >= this.options.windowMs)) this.attempts.delete(key);
    }
  }
}
