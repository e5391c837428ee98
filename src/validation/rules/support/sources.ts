/** Where the rule texts and their exact semantics come from (fact sheet §6.2, §6.3, §12 S4/S4b/S5). */
export const TR_SOURCE =
  'iWmo 3.2 technische regels (regelrapport, controleniveau 2); semantics as in XSLT TR-CD-CS regels WMO 3.2 (2.10.5)';

export const CD_CS_SOURCE =
  'iWmo 3.2 condities en constraints per dataelement (regelrapport); semantics as in XSLT TR-CD-CS regels WMO 3.2 (2.10.5)';
