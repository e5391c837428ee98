/**
 * An XSD-shaped, level-2-clean WMO323 built in memory: `count` debet Prestaties (5000 eurocents
 * each) for the clients given, each with its own ReferentieNummer and ToewijzingNummer. With
 * `duplicateLastOfFirst` the last Prestatie repeats the ProductReferentie of the first one of the
 * same Client (another ToewijzingNummer, so only TR101 fires). Synthetic data only.
 */
export interface LargeDeclaratieOptions {
  readonly count: number;
  readonly clients?: number;
  readonly duplicateLastOfFirst?: boolean;
}

const BSNS = ['999990019', '999990020', '999990032', '999990044', '999990056'];

function prestatie(ref: string, toewijzing: number): string {
  return (
    '<wmo323:Prestatie><wmo323:ProductReferentie>' +
    `<iwmo:ReferentieNummer>${ref}</iwmo:ReferentieNummer></wmo323:ProductReferentie>` +
    `<wmo323:ToewijzingNummer>${toewijzing}</wmo323:ToewijzingNummer>` +
    '<wmo323:ProductCategorie>02</wmo323:ProductCategorie><wmo323:ProductCode>02A01</wmo323:ProductCode>' +
    '<wmo323:ProductPeriode><iwmo:Begindatum>2026-03-01</iwmo:Begindatum><iwmo:Einddatum>2026-03-31</iwmo:Einddatum></wmo323:ProductPeriode>' +
    '<wmo323:GeleverdVolume>4</wmo323:GeleverdVolume><wmo323:Eenheid>04</wmo323:Eenheid>' +
    '<wmo323:ProductTarief>1250</wmo323:ProductTarief>' +
    '<wmo323:IngediendBedrag><iwmo:Bedrag>5000</iwmo:Bedrag><iwmo:DebetCredit>D</iwmo:DebetCredit></wmo323:IngediendBedrag>' +
    '</wmo323:Prestatie>'
  );
}

export function largeDeclaratie({
  count,
  clients = 1,
  duplicateLastOfFirst = false,
}: LargeDeclaratieOptions): string {
  const perClient = Math.ceil(count / clients);
  const parts: string[] = [];
  let made = 0;
  for (let c = 0; c < clients && made < count; c += 1) {
    const bsn = BSNS[c % BSNS.length] ?? '999990019';
    parts.push(`<wmo323:Client><wmo323:Bsn>${bsn}</wmo323:Bsn><wmo323:Prestaties>`);
    const first = made;
    const last = Math.min(count, made + perClient);
    for (; made < last; made += 1) {
      const ref = duplicateLastOfFirst && made === count - 1 ? `RN-${first}` : `RN-${made}`;
      parts.push(prestatie(ref, 100000 + made));
    }
    parts.push('</wmo323:Prestaties></wmo323:Client>');
  }
  return (
    '<?xml version="1.0" encoding="UTF-8"?>' +
    '<wmo323:Bericht xmlns:wmo323="http://www.istandaarden.nl/iwmo/3_2/wmo323/schema" xmlns:iwmo="http://www.istandaarden.nl/iwmo/3_2/basisschema/schema">' +
    '<wmo323:Header><wmo323:BerichtCode>484</wmo323:BerichtCode><wmo323:BerichtVersie>3</wmo323:BerichtVersie>' +
    '<wmo323:BerichtSubversie>2</wmo323:BerichtSubversie><wmo323:Afzender>87654321</wmo323:Afzender>' +
    '<wmo323:Ontvanger>0363</wmo323:Ontvanger><wmo323:BerichtIdentificatie><iwmo:Identificatie>LARGE-0001</iwmo:Identificatie>' +
    '<iwmo:Dagtekening>2026-04-06</iwmo:Dagtekening></wmo323:BerichtIdentificatie><wmo323:XsdVersie>' +
    '<iwmo:BasisschemaXsdVersie>1.0.0</iwmo:BasisschemaXsdVersie><iwmo:BerichtXsdVersie>1.0.0</iwmo:BerichtXsdVersie>' +
    '</wmo323:XsdVersie></wmo323:Header><wmo323:Declaratie><wmo323:DeclaratieNummer>LARGE202603</wmo323:DeclaratieNummer>' +
    '<wmo323:DeclaratiePeriode><iwmo:Begindatum>2026-03-01</iwmo:Begindatum><iwmo:Einddatum>2026-03-31</iwmo:Einddatum></wmo323:DeclaratiePeriode>' +
    '<wmo323:DeclaratieDagtekening>2026-04-06</wmo323:DeclaratieDagtekening>' +
    `<wmo323:TotaalIngediendBedrag><iwmo:TotaalBedrag>${count * 5000}</iwmo:TotaalBedrag><iwmo:DebetCredit>D</iwmo:DebetCredit></wmo323:TotaalIngediendBedrag>` +
    `<wmo323:Clienten>${parts.join('')}</wmo323:Clienten></wmo323:Declaratie></wmo323:Bericht>`
  );
}
