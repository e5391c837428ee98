/** Every Redis key of the message store, in one place. Keys use ':' separators under the prefix. */
export function storeKeys(prefix: string) {
  return {
    message: (id: string) => `${prefix}:msg:${id}`,
    body: (id: string) => `${prefix}:msg:${id}:body`,
    retour: (id: string) => `${prefix}:msg:${id}:retour`,
    events: (id: string) => `${prefix}:msg:${id}:events`,
    /** The decision record of a WMO323 (gzip, base64), written with the decision. */
    decision: (id: string) => `${prefix}:msg:${id}:decision`,
    /** All messages by receipt time (score: epoch ms). */
    received: `${prefix}:idx:received`,
    /** Messages not yet in a terminal status (score: epoch ms); the reconciler's work list. */
    pending: `${prefix}:idx:pending`,
    retourSequence: (retourType: string, party: string) =>
      `${prefix}:seq:retour:${retourType}:${party}`,
  } as const;
}
export type StoreKeys = ReturnType<typeof storeKeys>;
