/**
 * The header every heen message carries (fact sheet §3.1). Values are the strings exactly as they
 * stand in the message, because a retour copies them unchanged (§7.1).
 */
export interface BerichtIdentificatie {
  readonly Identificatie: string;
  readonly Dagtekening: string;
}

export interface XsdVersie {
  readonly BasisschemaXsdVersie: string;
  readonly BerichtXsdVersie: string;
}

export interface MessageHeader {
  readonly BerichtCode: string;
  readonly BerichtVersie: string;
  readonly BerichtSubversie: string;
  readonly Afzender: string;
  readonly Ontvanger: string;
  readonly BerichtIdentificatie: BerichtIdentificatie;
  readonly XsdVersie: XsdVersie;
}
