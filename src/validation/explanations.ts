import type { RuleId } from './rules/index.js';

/** One rule in plain language: what is wrong and what to do, in Dutch and in English. */
export interface Explanation {
  readonly nl: string;
  readonly en: string;
}

/**
 * Plain-language explanations of every rule that can refuse a WMO323 declaration (levels 2–4),
 * written for the supplier's administrative employee who reads the dry run
 * (`POST /v1/declarations/check`): one sentence each on what is wrong and what to do. The rule
 * texts of the regelrapport (`Rule.description`) stay the formal reference. A test fails when a
 * rule that applies to WMO323 has no explanation here.
 */
export const EXPLANATIONS: Readonly<Partial<Record<RuleId, Explanation>>> = Object.freeze({
  // Level 2: the message alone (a WMO325 with 0001; nothing of the declaration is processed).
  TR101: {
    nl: 'Dezelfde regel staat twee keer in de declaratie; verwijder de dubbele regel en verstuur de declaratie opnieuw.',
    en: 'The same line appears twice in the declaration; remove the duplicate and send the declaration again.',
  },
  TR134: {
    nl: 'Een datum ligt na de dagtekening van het bericht of bestaat niet; corrigeer de datum.',
    en: 'A date lies after the message date or does not exist; correct the date.',
  },
  TR137: {
    nl: 'Een einddatum ligt vóór de begindatum of na de dagtekening van het bericht; corrigeer de periode.',
    en: 'An end date lies before the start date or after the message date; correct the period.',
  },
  TR315: {
    nl: 'Twee creditregels verwijzen naar dezelfde eerdere prestatie; crediteer elke prestatie maar één keer.',
    en: 'Two credit lines refer to the same earlier line; credit each line only once.',
  },
  TR316: {
    nl: 'Een debetregel wordt in dezelfde declaratie ook gecrediteerd; laat beide regels weg of stuur alleen de juiste.',
    en: 'A debit line is credited in the same declaration; leave out both lines or send only the right one.',
  },
  TR319: {
    nl: 'De productperiode van een prestatie valt na de declaratieperiode; declareer deze prestatie in een latere declaratie.',
    en: 'The product period of a line lies after the declaration period; declare this line in a later declaration.',
  },
  TR335: {
    nl: 'De prestatie is ouder dan vijf jaar en kan niet meer gedeclareerd worden; verwijder de regel.',
    en: 'The line is more than five years old and can no longer be declared; remove it.',
  },
  TR358: {
    nl: 'Het totaalbedrag klopt niet met de som van de regels (debet min credit); herbereken het totaal.',
    en: 'The total does not equal the sum of the lines (debit minus credit); recalculate the total.',
  },
  TR416: {
    nl: 'Dezelfde periode, hetzelfde product en dezelfde toewijzing staan twee keer als debet in de declaratie; voeg de regels samen.',
    en: 'The same period, product and allocation are declared twice as debit; merge the lines.',
  },
  CD060: {
    nl: 'Een creditregel moet het referentienummer van de oorspronkelijke debetregel noemen, een debetregel juist niet; vul VorigReferentieNummer alleen bij credit.',
    en: 'A credit line must name the reference number of the original debit line and a debit line must not; fill VorigReferentieNummer only on credits.',
  },
  CD087: {
    nl: 'Het producttarief ontbreekt of staat bij een regel in euro’s; vul het tarief bij elke eenheid behalve 83 (euro’s).',
    en: 'The product tariff is missing, or given on a line in euros; fill the tariff for every unit except 83 (euros).',
  },
  CS002: {
    nl: 'Het BSN klopt niet (11-proef); controleer het BSN van de cliënt.',
    en: 'The citizen service number (BSN) is invalid (eleven test); check the client’s BSN.',
  },
  CS015: {
    nl: 'De berichtsubversie moet 2 zijn; laat uw software iWmo 3.2 versturen.',
    en: 'The message subversion must be 2; have your software send iWmo 3.2.',
  },
  CS025: {
    nl: 'De berichtversie moet 3 zijn; laat uw software iWmo 3.2 versturen.',
    en: 'The message version must be 3; have your software send iWmo 3.2.',
  },
  CS100: {
    nl: 'Een datum ligt vóór 1 januari 2021; corrigeer de datum.',
    en: 'A date lies before 1 January 2021; correct the date.',
  },
  CS319: {
    nl: 'Het declaratienummer mag alleen cijfers en letters bevatten, zonder spaties of tekens; pas het nummer aan.',
    en: 'The declaration number may contain only digits and letters, without spaces or symbols; change the number.',
  },
  CS325: {
    nl: 'Een bedrag van 0 moet als debet (D) worden aangeduid; zet DebetCredit op D.',
    en: 'An amount of 0 must be marked debit (D); set DebetCredit to D.',
  },
  CS337: {
    nl: 'De productperiode loopt over meer dan één kalendermaand; splits de prestatie per maand.',
    en: 'The product period spans more than one calendar month; split the line per month.',
  },
  CS339: {
    nl: 'Bij een regel in euro’s moet het ingediende bedrag gelijk zijn aan het geleverde volume; maak beide gelijk.',
    en: 'On a line in euros the amount must equal the delivered volume; make them equal.',
  },
  CS340: {
    nl: 'De declaratieperiode moet precies één hele kalendermaand zijn; corrigeer de begin- en einddatum.',
    en: 'The declaration period must be exactly one whole calendar month; correct its start and end date.',
  },
  // Level 3: against earlier messages (the register).
  TR056: {
    nl: 'U heeft deze berichtidentificatie al eerder voor een declaratie gebruikt; geef het bericht een nieuwe identificatie.',
    en: 'You already used this message identification for a declaration; give the message a new identification.',
  },
  TR304: {
    nl: 'De gemeente kent deze cliënt niet bij u (geen toewijzing voor dit BSN); controleer het BSN.',
    en: 'The municipality has no allocation to you for this client (BSN); check the BSN.',
  },
  TR307: {
    nl: 'De prestatie begint vóór de ingangsdatum van de toewijzing; declareer alleen vanaf de ingangsdatum.',
    en: 'The line starts before the allocation’s start date; declare only from that date on.',
  },
  TR308: {
    nl: 'De prestatie loopt door na de einddatum van de toewijzing; declareer alleen tot en met de einddatum.',
    en: 'The line runs past the allocation’s end date; declare only up to and including that date.',
  },
  TR314: {
    nl: 'Dit referentienummer heeft u al eerder gebruikt; geef elke prestatie een nieuw, uniek referentienummer.',
    en: 'You already used this reference number; give every line a new, unique reference number.',
  },
  TR318: {
    nl: 'De declaratieperiode sluit niet aan op uw vorige declaratie; declareer de maanden op volgorde.',
    en: 'The declaration period does not follow your previous declaration; declare the months in order.',
  },
  TR321: {
    nl: 'Het geleverde volume is groter dan de toegewezen omvang per periode; declareer niet meer dan is toegewezen.',
    en: 'The delivered volume exceeds the allocated volume per period; declare no more than was allocated.',
  },
  TR322: {
    nl: 'Samen met eerdere declaraties overschrijdt het volume de totaal toegewezen omvang; declareer niet meer dan is toegewezen.',
    en: 'Together with earlier declarations the volume exceeds the total allocated; declare no more than was allocated.',
  },
  TR323: {
    nl: 'De creditregel verwijst naar een prestatie die niet (goedgekeurd) gedeclareerd is of andere gegevens heeft; neem de gegevens van de oorspronkelijke debetregel over.',
    en: 'The credit line refers to a line that was not (approved and) declared or has other details; copy the details of the original debit line.',
  },
  TR333: {
    nl: 'U heeft dit declaratienummer al eerder gebruikt; geef de declaratie een nieuw nummer.',
    en: 'You already used this declaration number; give the declaration a new number.',
  },
  TR338: {
    nl: 'De gemeente kent dit toewijzingnummer niet voor deze cliënt bij u; controleer het nummer in de toewijzing (WMO301).',
    en: 'The municipality has no allocation with this number for this client to you; check the number in the allocation (WMO301).',
  },
  TR339: {
    nl: 'De productcategorie verschilt van die in de toewijzing; neem de categorie uit de toewijzing over.',
    en: 'The product category differs from the one in the allocation; use the allocation’s category.',
  },
  TR340: {
    nl: 'De productcode verschilt van die in de toewijzing; neem de code uit de toewijzing over.',
    en: 'The product code differs from the one in the allocation; use the allocation’s code.',
  },
  TR341: {
    nl: 'De eenheid past niet bij de eenheid van de toewijzing; declareer in de eenheid van de toewijzing (minuten mogen bij uren).',
    en: 'The unit does not match the allocation’s unit; declare in the allocation’s unit (minutes are allowed for hours).',
  },
  TR369: {
    nl: 'Samen met eerdere declaraties is het bedrag hoger dan het toegewezen budget; declareer niet meer dan het budget.',
    en: 'Together with earlier declarations the amount exceeds the allocated budget; declare no more than the budget.',
  },
  TR384: {
    nl: 'De toewijzing is door de gemeente verwijderd; op deze toewijzing kan niet gedeclareerd worden.',
    en: 'The municipality deleted this allocation; it cannot be declared on.',
  },
  TR387: {
    nl: 'De productperiode begint niet op de eerste dag van de maand (of op de latere ingangsdatum van de toewijzing); corrigeer de begindatum.',
    en: 'The product period does not start on the first day of the month (or on the allocation’s later start date); correct the start date.',
  },
  TR388: {
    nl: 'De productperiode eindigt niet op de laatste dag van de maand (of op de eerdere einddatum van de toewijzing); corrigeer de einddatum.',
    en: 'The product period does not end on the last day of the month (or on the allocation’s earlier end date); correct the end date.',
  },
  TR389: {
    nl: 'Deze periode, dit product en deze toewijzing zijn al eerder als debet gedeclareerd; crediteer eerst de eerdere regel als u wilt corrigeren.',
    en: 'This period, product and allocation were already declared as debit; credit the earlier line first if you want to correct it.',
  },
  TR390: {
    nl: 'Deze prestatie is al eerder gecrediteerd; crediteer een prestatie maar één keer.',
    en: 'This line was already credited; credit a line only once.',
  },
  // Level 4: against external sources (system date, CBS list, product codes, contracts).
  TR135: {
    nl: 'De dagtekening van het bericht ligt in de toekomst; controleer de datum en de klok van uw systeem en verstuur opnieuw.',
    en: 'The message date lies in the future; check the date and your system clock, then send again.',
  },
  TR346: {
    nl: 'Het ingediende bedrag is niet gelijk aan volume maal tarief; herbereken het bedrag.',
    en: 'The amount does not equal volume times tariff; recalculate the amount.',
  },
  TR378: {
    nl: 'De gemeentecode bestaat niet (meer) in de CBS-lijst; gebruik de code van de gemeente op de leverdatum.',
    en: 'The municipality code does not exist (any more) in the CBS list; use the code of the municipality on the delivery date.',
  },
  TR381: {
    nl: 'De productcode hoort niet bij de productcategorie; gebruik een code uit de productcodelijst van de gemeente.',
    en: 'The product code does not belong to the product category; use a code from the municipality’s product code list.',
  },
  TR418: {
    nl: 'Het producttarief wijkt af van het tarief in het contract voor dat jaar; gebruik het gecontracteerde (geïndexeerde) tarief.',
    en: 'The product tariff differs from the contract tariff for that year; use the contracted (indexed) tariff.',
  },
  'GW-C01': {
    nl: 'U bent niet op elke dag van de productperiode gecontracteerd voor dit product bij deze gemeente; declareer alleen contractdagen.',
    en: 'You are not contracted for this product with this municipality on every day of the product period; declare only contracted days.',
  },
  'GW-C02': {
    nl: 'De productcode staat niet in de productcatalogus van het contract; gebruik een code uit de catalogus.',
    en: 'The product code is not in the contract’s product catalogue; use a code from the catalogue.',
  },
  'GW-C03': {
    nl: 'Het contract prijst dit product niet in deze eenheid; declareer in de eenheid van het contract (bijvoorbeeld per les).',
    en: 'The contract does not price this product in this unit; declare in the contract’s unit (for example per lesson).',
  },
  'GW-C04': {
    nl: 'Er is geen geldige startmelding (WMO305) voor deze toewijzing, of de afleverdatum valt niet in de productperiode; stuur eerst de start of corrigeer de periode.',
    en: 'There is no valid start (WMO305) for this allocation, or the delivery date lies outside the product period; send the start first or correct the period.',
  },
  'GW-C05': {
    nl: 'De levering op deze toewijzing is al gedeclareerd; declareer een levering maar één keer, of crediteer eerst de eerdere regel.',
    en: 'The delivery on this allocation was already declared; declare a delivery only once, or credit the earlier line first.',
  },
  'GW-C06': {
    nl: 'De declaratie is te laat: een levering binnen 30 dagen na aflevering, onderhoud binnen 30 dagen na het einde van de maand; neem contact op met de gemeente.',
    en: 'The declaration is late: a delivery within 30 days of handing over, maintenance within 30 days after the month ends; contact the municipality.',
  },
  'GW-C07': {
    nl: 'Voor deze maand is geen onderhoud verschuldigd, omdat het hulpmiddel volgens start en stop (15e-van-de-maand) niet bij de cliënt was; verwijder de regel.',
    en: 'No maintenance is due for this month, because by its start and stop (15th-of-the-month rule) the aid was not with the client; remove the line.',
  },
  'GW-C08': {
    nl: 'Het onderhoudsbedrag is niet het jaartarief uit het contract gedeeld door 12; gebruik het gecontracteerde maandbedrag.',
    en: 'The maintenance amount is not the contract’s yearly tariff divided by 12; use the contracted monthly amount.',
  },
  'GW-C09': {
    nl: 'Onderhoud voor deze maand en toewijzing is al gedeclareerd; declareer onderhoud maar één keer per maand.',
    en: 'Maintenance for this month and allocation was already declared; declare maintenance only once a month.',
  },
});

/** The explanation of a rule, or undefined for a rule without one (a test prevents that). */
export function explain(ruleId: string): Explanation | undefined {
  return (EXPLANATIONS as Readonly<Record<string, Explanation | undefined>>)[ruleId];
}
