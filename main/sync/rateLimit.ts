/**
 * A token bucket: up to `burst` actions at once, then one every `intervalMs`. `take` answers
 * how long to wait before the next action may run (0: now, and it has been counted).
 */
export class RateLimit {
  private tokens: number;
  private updatedAt: number;

  constructor(
    private readonly burst: number,
    private readonly intervalMs: number,
    private readonly now: () => number = Date.now,
  ) {
    this.tokens = burst;
    this.updatedAt = now();
  }

  take(): number {
    const at = this.now();
    this.tokens = Math.min(this.burst, this.tokens + (at - this.updatedAt) / this.intervalMs);
    this.updatedAt = at;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return 0;
    }
    return Math.ceil((1 - this.tokens) * this.intervalMs);
  }
}
