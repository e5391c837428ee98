import {
  messageParties,
  type ProductRef,
  type RegisterView,
} from '../../../domain/register/index.js';
import type { ParsedMessage } from '../../../model/index.js';
import type { Finding } from '../define-rule.js';
import { declaratieLines } from './cross-message.js';

/** The element of a Prestatie that TR339 and TR340 compare, with its field in the Product. */
const FIELD = { ProductCategorie: 'categorie', ProductCode: 'code' } as const;

/**
 * The debet Prestaties on an own toewijzing whose `element` differs from the toegewezen
 * Product's, only when the toewijzing has one (TR339: a Product, TR340: a Product Code). Credits
 * are not judged on content (IV085).
 */
export function afwijkendToegewezenProduct(
  msg: ParsedMessage<'WMO323'>,
  register: RegisterView,
  element: keyof typeof FIELD,
): Finding[] {
  const field: keyof ProductRef = FIELD[element];
  const findings: Finding[] = [];
  for (const line of declaratieLines(msg, register, messageParties(msg.type, msg.header))) {
    const { prestatie, relation } = line;
    if (relation.kind !== 'own' || prestatie.IngediendBedrag.DebetCredit !== 'D') {
      continue;
    }
    const toegewezen = relation.toewijzing.product?.[field];
    if (toegewezen !== undefined && prestatie[element] !== toegewezen) {
      findings.push({
        location: `${line.path()}/${element}`,
        detail: `${element} wijkt af van de toewijzing`,
      });
    }
  }
  return findings;
}
