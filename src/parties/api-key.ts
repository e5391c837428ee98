import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * API keys are `<clientId>.<secret>` with a 32-byte random secret; the parties file stores only
 * `sha256:<hex>` of the secret. A fast hash is enough for secrets of that entropy (they cannot be
 * guessed), and it keeps authentication cheap on every request.
 */
export function hashSecret(secret: string): string {
  return `sha256:${createHash('sha256').update(secret, 'utf8').digest('hex')}`;
}

export function newApiKey(clientId: string): { apiKey: string; secretHash: string } {
  const secret = randomBytes(32).toString('base64url');
  return { apiKey: `${clientId}.${secret}`, secretHash: hashSecret(secret) };
}

export function splitApiKey(apiKey: string): { clientId: string; secret: string } | undefined {
  const dot = apiKey.indexOf('.');
  if (dot <= 0 || dot === apiKey.length - 1) {
    return undefined;
  }
  return { clientId: apiKey.slice(0, dot), secret: apiKey.slice(dot + 1) };
}

export function secretMatches(secret: string, secretHash: string): boolean {
  const presented = Buffer.from(hashSecret(secret));
  const stored = Buffer.from(secretHash);
  return presented.length === stored.length && timingSafeEqual(presented, stored);
}
