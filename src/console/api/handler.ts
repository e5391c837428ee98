/** An operator endpoint's answer (STYLE §H32: handlers return values; adapters send them). */
export interface HandlerResult {
  readonly status: number;
  readonly body: unknown;
  readonly contentType?: string;
}
