/**
 * The body values an operator searches by, read from a message's XML: BSN (`Client/Bsn`),
 * `ToewijzingNummer` and `DeclaratieNummer`, wherever they occur in the message (a 301 has one
 * client, a 323 many; a 305 names the ToewijzingNummer of each product).
 */
export interface SearchTerms {
  readonly bsns: readonly string[];
  readonly toewijzingNummers: readonly string[];
  readonly declaratieNummers: readonly string[];
}

export const NO_TERMS: SearchTerms = { bsns: [], toewijzingNummers: [], declaratieNummers: [] };

/**
 * At most this many distinct values per field are indexed: a 25 MB declaration can name tens of
 * thousands of clients, and every value is one sorted-set write in the decision's atomic step.
 */
export const MAX_TERMS_PER_FIELD = 10_000;

// Intake already proved the body well-formed and free of DTDs, so a text scan is exact for these
// simple-typed elements (digits and short codes; no markup, no entities in valid values).
const ELEMENT =
  /<(?:[A-Za-z_][\w.-]*:)?(Bsn|ToewijzingNummer|DeclaratieNummer)>\s*([^<]{1,64}?)\s*<\//g;

/** Reads the search terms of a message body (UTF-8 XML). */
export function extractSearchTerms(xml: string): SearchTerms {
  const found = {
    Bsn: new Set<string>(),
    ToewijzingNummer: new Set<string>(),
    DeclaratieNummer: new Set<string>(),
  };
  for (const match of xml.matchAll(ELEMENT)) {
    const field = match[1] as keyof typeof found;
    const value = match[2] ?? '';
    const set = found[field];
    if (value !== '' && set.size < MAX_TERMS_PER_FIELD) {
      set.add(value);
    }
  }
  return {
    bsns: [...found.Bsn],
    toewijzingNummers: [...found.ToewijzingNummer],
    declaratieNummers: [...found.DeclaratieNummer],
  };
}
