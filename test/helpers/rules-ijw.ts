/**
 * Maps an iJw 3.2 message onto iWmo 3.2 (fact sheet §2.2 → §2.1, §3.6): namespaces
 * `ijw/3_2/jwNNN` → `iwmo/3_2/wmoNNN`, the iJw basisschema namespace → the iWmo one, and the
 * BerichtCode. Element content is left alone (iJw-only code values stay as they are), so the result
 * is for the typed model and the rules, not for the iWmo XSD.
 */
const IJW_TO_IWMO_BERICHTCODE: Readonly<Record<string, string>> = {
  '436': '414',
  '437': '415',
  '438': '418',
  '439': '419',
  '440': '420',
  '441': '421',
  '446': '444',
  '447': '445',
  '486': '480',
  '487': '481',
  '488': '482',
  '489': '483',
  '490': '484',
  '491': '485',
};

export function ijwToIwmo(xml: string): string {
  return xml
    .replace(/ijw\/3_2\/jw(\d{3})\/schema/g, 'iwmo/3_2/wmo$1/schema')
    .replaceAll('ijw/3_2/basisschema/schema', 'iwmo/3_2/basisschema/schema')
    .replace(
      /(<(?:[A-Za-z0-9]+:)?BerichtCode>)(\d{3})(<)/,
      (_match, open: string, code: string, close: string) =>
        `${open}${IJW_TO_IWMO_BERICHTCODE[code] ?? code}${close}`,
    );
}
