/**
 * Every Redis key of the register, in one place (docs/operations.md "Register"). `g` is a CBS
 * gemeentecode, `a` an AGB code, `clientId` the keyed HMAC of a BSN (never the BSN itself), `n` a
 * canonical ToewijzingNummer.
 */
export function registerKeys(prefix: string) {
  const r = `${prefix}:reg`;
  return {
    /** SET of BerichtIdentificatie/Identificatie per sender and BerichtCode (TR056). */
    identificaties: (sender: string, berichtCode: string) => `${r}:id:${sender}:${berichtCode}`,
    /** HASH n → actual ToewijzingVersion JSON, per gemeente (TR332: unique per gemeente). */
    toewijzingen: (g: string) => `${r}:tw:${g}`,
    /** LIST of every ToewijzingVersion JSON of one toewijzing, in arrival order. */
    toewijzingHistory: (g: string, n: string) => `${r}:twh:${g}:${n}`,
    /** LIST of the granted Prestaties (debet and credit) on one toewijzing. */
    toewijzingPrestaties: (g: string, n: string) => `${r}:twp:${g}:${n}`,
    /** HASH `<n>:v|a|o` → declared volume, amount and open debets per toewijzing (HINCRBY). */
    declared: (g: string) => `${r}:dt:${g}`,
    /** HASH per client: v (version), known, t (toewijzingen JSON), p (pending verzoeken JSON), l:<group>. */
    client: (g: string, a: string, clientId: string) => `${r}:cl:${g}:${a}:${clientId}`,
    /** HASH ReferentieAanbieder → VerzoekRecord JSON. */
    verzoeken: (g: string, a: string) => `${r}:vz:${g}:${a}`,
    /** HASH ReferentieNummer → PrestatieRecord JSON. */
    prestaties: (g: string, a: string) => `${r}:pr:${g}:${a}`,
    /** HASH debet key → number of approved, uncredited debets (TR389). */
    openDebets: (g: string, a: string) => `${r}:od:${g}:${a}`,
    /**
     * HASH n → JSON OpenDebetRecord[]: the approved, uncredited debets per toewijzing (contract
     * rules, issue #5). No field for a toewijzing without any. Part of the pair's declaration
     * state, guarded by `dv`.
     */
    openDebetsByToewijzing: (g: string, a: string) => `${r}:otw:${g}:${a}`,
    /** SET of DeclaratieNummers (TR333). */
    declaratieNummers: (g: string, a: string) => `${r}:dn:${g}:${a}`,
    /** HASH lastPeriode (TR318) and dv, the version of this pair's declaration state. */
    pair: (g: string, a: string) => `${r}:ga:${g}:${a}`,
  } as const;
}
export type RegisterKeys = ReturnType<typeof registerKeys>;

/**
 * Client hash fields. Every decision that writes a client hash increments its version `v` in the
 * same step, and a read guards that field alone (load-register-view.ts): keep it so.
 */
export const CLIENT_FIELDS = {
  version: 'v',
  known: 'known',
  toewijzingen: 't',
  pending: 'p',
  levering: (group: string) => `l:${safeField(group)}`,
} as const;

/** Declared-totals fields per toewijzing. */
export const DECLARED_FIELDS = {
  volume: (n: string) => `${n}:v`,
  bedrag: (n: string) => `${n}:a`,
  openDebets: (n: string) => `${n}:o`,
} as const;

export const PAIR_FIELDS = { lastPeriode: 'lastPeriode', version: 'dv' } as const;

/**
 * Register keys built from message values use control characters as separators (they cannot
 * occur in XML text); hash field names get printable stand-ins so that every tool shows them.
 */
export function safeField(key: string): string {
  return key.replaceAll('\u0000', '~').replaceAll('\u0001', '|');
}
