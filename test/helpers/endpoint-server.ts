import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
}

/** How the endpoint answers its n-th request (0-based): a status, or 'hang' (never answers). */
export type Behaviour = (index: number) => number | 'hang';

/**
 * A real HTTP server on loopback standing in for a supplier's or back office's endpoint. It
 * records every request and answers as `behaviour` says.
 */
export class EndpointServer {
  readonly received: ReceivedRequest[] = [];
  behaviour: Behaviour;
  readonly #server: Server;
  readonly #hanging = new Set<ServerResponse>();

  private constructor(server: Server, behaviour: Behaviour) {
    this.#server = server;
    this.behaviour = behaviour;
  }

  static async start(behaviour: Behaviour = () => 200): Promise<EndpointServer> {
    const holder: { endpoint?: EndpointServer } = {};
    const server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const endpoint = holder.endpoint;
        if (endpoint === undefined) {
          return;
        }
        const index = endpoint.received.length;
        endpoint.received.push({
          headers: request.headers,
          body: Buffer.concat(chunks).toString(),
        });
        const answer = endpoint.behaviour(index);
        if (answer === 'hang') {
          endpoint.#hanging.add(response);
          return;
        }
        response.writeHead(answer).end();
      });
    });
    const endpoint = new EndpointServer(server, behaviour);
    holder.endpoint = endpoint;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return endpoint;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}/iwmo`;
  }

  async waitForRequests(count: number, timeoutMs = 20_000): Promise<ReceivedRequest[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.received.length < count) {
      if (Date.now() > deadline) {
        throw new Error(`endpoint got ${this.received.length} of ${count} requests`);
      }
      await new Promise((r) => setTimeout(r, 20));
    }
    return this.received;
  }

  async close(): Promise<void> {
    for (const response of this.#hanging) {
      response.destroy();
    }
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }
}
