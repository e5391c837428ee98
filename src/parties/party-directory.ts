import { secretMatches, splitApiKey } from './api-key.js';
import type { Delivery, PartiesFile } from './parties-schema.js';

/** Who is calling the API. */
export type Caller =
  | { readonly kind: 'party'; readonly clientId: string; readonly codes: ReadonlySet<string> }
  | { readonly kind: 'operator'; readonly clientId: string }
  /** Development mode (no PARTIES_FILE): everything is allowed, on loopback only. */
  | { readonly kind: 'open'; readonly clientId: 'development' };

export interface Route {
  readonly code: string;
  readonly name: string;
  readonly delivery: Delivery;
}

/**
 * The parties the gateway knows: which codes it answers for (local), where messages for other
 * codes go (remote, default), and the API clients with their codes and roles.
 */
export class PartyDirectory {
  readonly #local: ReadonlyMap<string, Route>;
  readonly #remote: ReadonlyMap<string, Route>;
  readonly #default: Route | undefined;
  readonly #clients: ReadonlyMap<string, PartiesFile['clients'][number]>;
  /** True when no parties file is configured: every party is local and callers are not checked. */
  readonly open: boolean;

  private constructor(file: PartiesFile | undefined) {
    this.open = file === undefined;
    this.#local = new Map((file?.local ?? []).map((p) => [p.code, p]));
    this.#remote = new Map((file?.remote ?? []).map((p) => [p.code, p]));
    this.#default = file?.default ? { code: '*', ...file.default } : undefined;
    this.#clients = new Map((file?.clients ?? []).map((c) => [c.id, c]));
  }

  static fromFile(file: PartiesFile): PartyDirectory {
    return new PartyDirectory(file);
  }

  /** Development mode: answers for every party, delivers to inboxes, authenticates nobody. */
  static openForDevelopment(): PartyDirectory {
    return new PartyDirectory(undefined);
  }

  /** Whether the gateway answers (builds retours) for messages addressed to `code`. */
  isLocal(code: string | undefined): boolean {
    return code !== undefined && (this.open || this.#local.has(code));
  }

  /** Where messages addressed to `code` are delivered; undefined when nobody is configured. */
  routeFor(code: string): Route | undefined {
    if (this.open) {
      return { code, name: code, delivery: { type: 'inbox' } };
    }
    return this.#local.get(code) ?? this.#remote.get(code) ?? this.#default;
  }

  /** Resolves an API key to a caller, or undefined when it is unknown or wrong. */
  authenticate(apiKey: string | undefined): Caller | undefined {
    if (this.open) {
      return { kind: 'open', clientId: 'development' };
    }
    const parts = apiKey === undefined ? undefined : splitApiKey(apiKey);
    const client = parts === undefined ? undefined : this.#clients.get(parts.clientId);
    if (
      parts === undefined ||
      client === undefined ||
      !secretMatches(parts.secret, client.secretHash)
    ) {
      return undefined;
    }
    return client.role === 'operator'
      ? { kind: 'operator', clientId: client.id }
      : { kind: 'party', clientId: client.id, codes: new Set(client.codes) };
  }
}

/** Whether `caller` may act for or read the traffic of party `code`. */
export function callerActsFor(caller: Caller, code: string | undefined): boolean {
  switch (caller.kind) {
    case 'open':
      return true;
    case 'operator':
      return false;
    case 'party':
      return code !== undefined && caller.codes.has(code);
  }
}

/** Whether `caller` may read a message between `sender` and `receiver`. */
export function callerMayRead(
  caller: Caller,
  sender: string | undefined,
  receiver: string | undefined,
): boolean {
  return (
    caller.kind !== 'party' || callerActsFor(caller, sender) || callerActsFor(caller, receiver)
  );
}
