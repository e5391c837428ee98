import type {
  DeclaredTotals,
  LeveringGroup,
  OpenDebetRecord,
  PrestatieRecord,
  ToewijzingVersion,
  VerzoekRecord,
} from './records.js';

/** What the register holds about one client of the message (looked up by the message's Bsn). */
export interface ClientRegisterView {
  /** Keyed HMAC of the Bsn: how the register knows the client. */
  readonly clientId: string;
  /** The client has (had) a toewijzing from this gemeente to this aanbieder (TR304). */
  readonly known: boolean;
  /** ToewijzingNummers of the client with this aanbieder (loaded for WMO301/WMO317). */
  readonly toewijzingNummers: readonly string[];
  /** ReferentieAanbieder of every verzoek that is still pending (TR374). */
  readonly pendingVerzoeken: readonly string[];
  /** Start/stop history per group key (loaded for WMO305/WMO307; see `leveringGroupKey`). */
  readonly leveringen: ReadonlyMap<string, LeveringGroup>;
}

/**
 * The part of the register one message's level-3 rules need, read before the rules run
 * (STYLE §C11: rules stay pure and synchronous). Everything is scoped to the message's gemeente
 * and aanbieder (`messageParties`); maps hold only the keys the message refers to, plus, for a
 * WMO317, every toewijzing of its client (TR349).
 */
export interface RegisterView {
  /** The sender already used this BerichtIdentificatie/Identificatie for this BerichtCode (TR056). */
  readonly identificatieUsed: boolean;
  /** The actual version per canonical ToewijzingNummer, whatever aanbieder or client it has. */
  readonly toewijzingen: ReadonlyMap<string, ToewijzingVersion>;
  /** Per Bsn of the message. */
  readonly clients: ReadonlyMap<string, ClientRegisterView>;
  /** Per ReferentieAanbieder. */
  readonly verzoeken: ReadonlyMap<string, VerzoekRecord>;
  /** Per ReferentieNummer (both ReferentieNummer and VorigReferentieNummer of a WMO323). */
  readonly prestaties: ReadonlyMap<string, PrestatieRecord>;
  /** Approved, uncredited debets per debet key (TR389). */
  readonly openDebets: ReadonlyMap<string, number>;
  /** Per canonical ToewijzingNummer. */
  readonly declared: ReadonlyMap<string, DeclaredTotals>;
  /**
   * WMO323: the approved, uncredited debets per canonical ToewijzingNummer of the message's
   * Prestaties (contract rules: one delivery per toewijzing, one maintenance line per month).
   * A toewijzing without any has no entry. The starts and stops behind each Prestatie are in
   * `clients.get(bsn).leveringen` under `leveringGroupKey(ToewijzingNummer)`.
   */
  readonly openDebetsByToewijzing: ReadonlyMap<string, readonly OpenDebetRecord[]>;
  /** The aanbieder already used this DeclaratieNummer with this gemeente (TR333). */
  readonly declaratieNummerUsed: boolean;
  /** Begindatum of the latest DeclaratiePeriode declared so far (TR318). */
  readonly lastDeclaratiePeriode: string | undefined;
}

const EMPTY_MAP: ReadonlyMap<string, never> = new Map<string, never>();

/** The view of an empty register: nothing was accepted before. */
export const EMPTY_REGISTER_VIEW: RegisterView = Object.freeze({
  identificatieUsed: false,
  toewijzingen: EMPTY_MAP,
  clients: EMPTY_MAP,
  verzoeken: EMPTY_MAP,
  prestaties: EMPTY_MAP,
  openDebets: EMPTY_MAP,
  declared: EMPTY_MAP,
  openDebetsByToewijzing: EMPTY_MAP,
  declaratieNummerUsed: false,
  lastDeclaratiePeriode: undefined,
});
