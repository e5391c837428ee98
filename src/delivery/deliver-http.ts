import { GatewayError } from '../errors/index.js';
import type { CircuitBreaker } from './circuit-breaker.js';

export interface HttpDelivery {
  readonly url: string;
  readonly timeoutMs: number;
  readonly headers: Readonly<Record<string, string>>;
}

export interface OutgoingDocument {
  readonly contentType: string;
  readonly body: string | Buffer;
  readonly idempotencyKey: string;
  readonly documentType: string;
}

/**
 * POSTs a document to an endpoint. 2xx = delivered; 4xx = refused for good (no retry: the same
 * request would be refused again), except 408/429; 5xx, timeouts and network errors are retryable.
 * The Idempotency-Key header lets the receiver drop a retried delivery it already processed.
 */
export async function deliverOverHttp(
  target: HttpDelivery,
  document: OutgoingDocument,
  breaker: CircuitBreaker,
): Promise<void> {
  if (!breaker.allows(target.url)) {
    throw new GatewayError('GW_ERR_DELIVERY_CIRCUIT_OPEN', { details: { url: target.url } });
  }
  let status: number;
  try {
    const response = await fetch(target.url, {
      method: 'POST',
      headers: {
        ...target.headers,
        'content-type': document.contentType,
        'idempotency-key': document.idempotencyKey,
        'x-iwmo-message-type': document.documentType,
      },
      body: document.body,
      signal: AbortSignal.timeout(target.timeoutMs),
      redirect: 'error',
    });
    status = response.status;
    await response.body?.cancel();
  } catch (caught) {
    breaker.failed(target.url);
    const reason =
      caught instanceof Error
        ? caught.name === 'TimeoutError'
          ? `timeout after ${target.timeoutMs} ms`
          : caught.message
        : String(caught);
    throw new GatewayError('GW_ERR_DELIVERY_FAILED', {
      message: `delivery failed: ${reason}`,
      cause: caught,
    });
  }
  if (status >= 200 && status < 300) {
    breaker.succeeded(target.url);
    return;
  }
  if (status >= 400 && status < 500 && status !== 408 && status !== 429) {
    // The endpoint is alive; it refuses this document.
    breaker.succeeded(target.url);
    throw new GatewayError('GW_ERR_DELIVERY_REJECTED', {
      message: `the endpoint answered HTTP ${status}`,
    });
  }
  breaker.failed(target.url);
  throw new GatewayError('GW_ERR_DELIVERY_FAILED', {
    message: `the endpoint answered HTTP ${status}`,
  });
}
