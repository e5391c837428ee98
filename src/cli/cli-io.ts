/** Where the CLI writes: stdout for results, stderr for progress and errors (injected in tests). */
export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** Whether stderr is a terminal (then progress redraws one line). */
  readonly interactive: boolean;
}

/** Exit codes (docs/cli.md). */
export const EXIT = {
  ok: 0,
  /** Some items failed (a refused message, a replay that did not happen). */
  partial: 1,
  usage: 2,
  /** The gateway could not be reached or answered 5xx. */
  unreachable: 3,
  /** 401/403: no key, a wrong key, or a key without the right role. */
  refused: 4,
  notFound: 5,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** A failure that ends the command with `code`. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly code: ExitCode,
  ) {
    super(message);
    this.name = new.target.name;
  }
}
