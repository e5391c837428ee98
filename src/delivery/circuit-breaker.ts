/** Told when an endpoint's circuit opens and when the endpoint answers again after failures. */
export interface CircuitBreakerListener {
  /** The circuit for `endpoint` is open until `until` (ms since the epoch); then a trial may go. */
  opened?(endpoint: string, until: number): void;
  /** `endpoint` answered after one or more failures (its failure streak ended). */
  recovered?(endpoint: string): void;
}

/**
 * A circuit breaker per endpoint: after `threshold` consecutive failures the endpoint is skipped
 * for `cooldownMs`; then one trial attempt decides whether it closes again. In-process state: each
 * worker process keeps its own, which is enough to stop hammering a dead endpoint. Listeners hear
 * when a circuit opens and when an endpoint recovers (the delivery worker promotes the endpoint's
 * delayed deliveries then, see promote-deliveries.ts); a listener that throws is ignored.
 */
export class CircuitBreaker {
  readonly #failures = new Map<string, { count: number; openUntil: number }>();
  readonly #listeners = new Set<CircuitBreakerListener>();

  constructor(
    private readonly threshold = 5,
    private readonly cooldownMs = 30_000,
  ) {}

  /** Adds a listener; returns the function that removes it again. */
  subscribe(listener: CircuitBreakerListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Whether a call to `endpoint` may go ahead now. */
  allows(endpoint: string, now = Date.now()): boolean {
    const state = this.#failures.get(endpoint);
    return state === undefined || state.count < this.threshold || now >= state.openUntil;
  }

  succeeded(endpoint: string): void {
    const hadFailed = this.#failures.delete(endpoint);
    if (hadFailed) {
      this.#emit((listener) => listener.recovered?.(endpoint));
    }
  }

  failed(endpoint: string, now = Date.now()): void {
    const state = this.#failures.get(endpoint) ?? { count: 0, openUntil: 0 };
    state.count += 1;
    this.#failures.set(endpoint, state);
    if (state.count >= this.threshold) {
      state.openUntil = now + this.cooldownMs;
      const until = state.openUntil;
      this.#emit((listener) => listener.opened?.(endpoint, until));
    }
  }

  #emit(call: (listener: CircuitBreakerListener) => void): void {
    for (const listener of this.#listeners) {
      try {
        call(listener);
      } catch {
        // A listener must never break a delivery.
      }
    }
  }
}
