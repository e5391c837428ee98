import { CliError, EXIT } from './cli-io.js';

export interface ClientOptions {
  /** Base URL of the gateway, e.g. http://127.0.0.1:8080. */
  readonly url: string;
  /** IWMO_API_KEY; sent as a bearer token. */
  readonly apiKey: string | undefined;
}

export interface Answer {
  readonly status: number;
  readonly text: string;
  readonly contentType: string;
}

/** A thin HTTP client for the gateway's API (fetch, Node 20). */
export class GatewayClient {
  readonly #url: string;
  readonly #apiKey: string | undefined;

  constructor(options: ClientOptions) {
    this.#url = options.url.replace(/\/+$/, '');
    this.#apiKey = options.apiKey;
  }

  async request(
    method: 'GET' | 'POST',
    path: string,
    body?: { readonly contentType: string; readonly data: string | Uint8Array },
  ): Promise<Answer> {
    let response: Response;
    try {
      response = await fetch(`${this.#url}${path}`, {
        method,
        headers: {
          ...(this.#apiKey === undefined ? {} : { authorization: `Bearer ${this.#apiKey}` }),
          ...(body === undefined ? {} : { 'content-type': body.contentType }),
        },
        ...(body === undefined ? {} : { body: body.data }),
      });
    } catch (caught) {
      const reason =
        caught instanceof Error
          ? caught.cause instanceof Error
            ? caught.cause.message
            : caught.message
          : String(caught);
      throw new CliError(`cannot reach the gateway at ${this.#url}: ${reason}`, EXIT.unreachable);
    }
    const answer = {
      status: response.status,
      text: await response.text(),
      contentType: response.headers.get('content-type') ?? '',
    };
    if (answer.status === 401 || answer.status === 403) {
      throw new CliError(
        `refused (${answer.status}): ${errorMessage(answer)}${this.#apiKey === undefined ? ' (IWMO_API_KEY is not set)' : ''}`,
        EXIT.refused,
      );
    }
    if (answer.status >= 500) {
      throw new CliError(
        `the gateway answered ${answer.status}: ${errorMessage(answer)}`,
        EXIT.unreachable,
      );
    }
    return answer;
  }

  /** GET a JSON resource; 404 becomes exit code 5. */
  async json<T>(path: string): Promise<T> {
    const answer = await this.request('GET', path);
    if (answer.status === 404) {
      throw new CliError(`not found: ${errorMessage(answer)}`, EXIT.notFound);
    }
    if (answer.status >= 400) {
      throw new CliError(`${answer.status}: ${errorMessage(answer)}`, EXIT.usage);
    }
    return JSON.parse(answer.text) as T;
  }
}

/** The gateway's error message from a JSON error body, or the status text. */
export function errorMessage(answer: Answer): string {
  try {
    const body = JSON.parse(answer.text) as { code?: string; message?: string };
    return [body.code, body.message].filter(Boolean).join(' ');
  } catch {
    return answer.text.slice(0, 200);
  }
}
