import { formatContractVersion } from '../../contract/index.js';
import type { DecisionRecord, PrestatieDecision } from '../../validation/decision-record.js';
import { html, type SafeHtml } from '../html.js';

/** Rows shown at most; a larger declaration shows its refused Prestaties first (the API has all). */
export const MAX_DECISION_ROWS = 1_000;

/** Eurocents as `€ 1.234,56`. */
export function euro(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const whole = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${sign}€ ${whole},${String(abs % 100).padStart(2, '0')}`;
}

/**
 * The decision record of a WMO323 as the message detail page shows it (issue #5): one row per
 * Prestatie with what it was checked against. The record holds no BSN; neither does the table.
 */
export function decisionRecordSection(record: DecisionRecord): SafeHtml {
  const all = record.prestaties;
  const refused = all.filter((p) => p.outcome === 'refused');
  const shown =
    all.length <= MAX_DECISION_ROWS
      ? all
      : [...refused, ...all.filter((p) => p.outcome === 'granted')].slice(0, MAX_DECISION_ROWS);
  const versions = record.contractVersions.map(formatContractVersion);
  return html`<section aria-labelledby="decision-heading">
    <h2 id="decision-heading">Decision record</h2>
    <dl class="facts">
      <dt>Judged on</dt>
      <dd>${record.judgedOn}</dd>
      <dt>Contracts</dt>
      <dd>
        ${versions.length === 0 ? 'none (no contract of this gemeente was loaded)' : versions.join('; ')}
      </dd>
      <dt>Prestaties</dt>
      <dd>${all.length} (${all.length - refused.length} granted, ${refused.length} refused)</dd>
    </dl>
    <table>
      <caption>
        What each Prestatie was checked
        against${
          shown.length < all.length
            ? ` (the first ${shown.length} of ${all.length}, refused first; GET /v1/messages/{id} has all)`
            : ''
        }
      </caption>
      <thead>
        <tr>
          <th scope="col">Prestatie</th>
          <th scope="col">Outcome</th>
          <th scope="col">Codes</th>
          <th scope="col">Toewijzing</th>
          <th scope="col">Start</th>
          <th scope="col">Stop</th>
          <th scope="col">Contract</th>
          <th scope="col" class="num">Price</th>
          <th scope="col">Index</th>
        </tr>
      </thead>
      <tbody>
        ${shown.map(row)}
      </tbody>
    </table>
  </section>`;
}

function row(p: PrestatieDecision): SafeHtml {
  const contract = p.contract;
  return html`<tr>
    <th scope="row">
      <code>${p.location}</code><br />${p.referentieNummer} · ${p.debetCredit}
      ${p.productCategorie}/${p.productCode ?? ''} · ${p.begin}–${p.end} ·
      ${euro(p.ingediendBedrag)}
    </th>
    <td>
      <span class="tag ${p.outcome === 'refused' ? 'status-rejected' : 'status-accepted'}"
        >${p.outcome}</span
      >${p.flags.length === 0 ? '' : html`<br />${p.flags.join(', ')}`}
    </td>
    <td>
      ${p.ruleIds.length === 0 ? '' : `${p.ruleIds.join(', ')} (${p.retourCodes.join(', ')})`}
    </td>
    <td>
      ${p.toewijzingNummer}${
        p.allocation === undefined
          ? html`<br />not in the register`
          : html`<br />${p.allocation.ingangsdatum}–${p.allocation.einddatum ?? ''}${
                p.allocation.budget === undefined ? '' : ` · budget ${euro(p.allocation.budget)}`
              }<br /><a href="/console/messages/${p.allocation.messageId}"
                >WMO301 ${p.allocation.identificatie}</a
              >`
      }
    </td>
    <td>${p.start === undefined ? '' : `${p.start.begindatum} (${p.start.identificatie})`}</td>
    <td>
      ${
        p.stop === undefined
          ? ''
          : `${p.stop.einddatum} reden ${p.stop.redenBeeindiging} (${p.stop.identificatie})`
      }
    </td>
    <td>
      ${
        contract === undefined
          ? ''
          : html`${formatContractVersion(contract.version)}<br />category ${contract.category} ·
              ${contract.kind} · rank
              ${contract.supplierRank}${
                contract.billableMonths === undefined
                  ? ''
                  : ` · months ${contract.billableMonths.first}–${contract.billableMonths.last ?? ''}`
              }${contract.invoiceDeadline === undefined ? '' : ` · invoice by ${contract.invoiceDeadline}`}`
      }
    </td>
    <td class="num">
      ${
        contract?.indexedPrice === undefined
          ? ''
          : `${euro(contract.indexedPrice)}${contract.priceYear === undefined ? '' : ` (${contract.priceYear})`}`
      }
    </td>
    <td>
      ${
        contract?.indexation === undefined
          ? ''
          : `base ${contract.indexation.baseYear}${
              contract.basePrice === undefined ? '' : ` ${euro(contract.basePrice)}`
            }${contract.indexation.applied.map((step) => `, ${step.year} +${step.percent} %`).join('')}`
      }
    </td>
  </tr>`;
}
