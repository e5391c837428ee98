/**
 * A rule violation (STYLE §C12): the same shape as the standard's own validator (Code + Locatie).
 * The retour builder uses `location` to attach each code to the right class.
 */
export interface Violation {
  /** iStandaarden rule id ('TR101', 'CS002', …) or 'GW-…' for the gateway's own rules. */
  readonly ruleId: string;
  /** WJ001 retour code; every level-2 rule reports 0001. */
  readonly retourCode: string;
  /** Control level of the rule: 2 in-message, 3 across messages, 4 external source. */
  readonly level: 2 | 3 | 4;
  /** XPath of the offending element, with 1-based positions, e.g. /Bericht/Client/ToegewezenProducten/ToegewezenProduct[2]/Einddatum. */
  readonly location: string;
  /** Non-personal explanation (never a BSN or a name). */
  readonly detail?: string;
}
