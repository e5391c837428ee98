/**
 * A circuit breaker per endpoint: after `threshold` consecutive failures the endpoint is skipped
 * for `cooldownMs`; then one trial attempt decides whether it closes again. In-process state: each
 * worker process keeps its own, which is enough to stop hammering a dead endpoint.
 */
export class CircuitBreaker {
  readonly #failures = new Map<string, { count: number; openUntil: number }>();

  constructor(
    private readonly threshold = 5,
    private readonly cooldownMs = 30_000,
  ) {}

  /** Whether a call to `endpoint` may go ahead now. */
  allows(endpoint: string, now = Date.now()): boolean {
    const state = this.#failures.get(endpoint);
    return state === undefined || state.count < this.threshold || now >= state.openUntil;
  }

  succeeded(endpoint: string): void {
    this.#failures.delete(endpoint);
  }

  failed(endpoint: string, now = Date.now()): void {
    const state = this.#failures.get(endpoint) ?? { count: 0, openUntil: 0 };
    state.count += 1;
    if (state.count >= this.threshold) {
      state.openUntil = now + this.cooldownMs;
    }
    this.#failures.set(endpoint, state);
  }
}
