/**
 * Where the rule texts and their exact semantics come from: the iWmo 3.2 regelrapport (TR table,
 * CD/CS per dataelement; fact sheet §6.2, §6.3) and the official validation XSLT "TR-CD-CS regels
 * WMO 3.2.xsl", version 2.10.5 (fact sheet §12 S5).
 */
export const TR_SOURCE = 'regelrapport iWmo 3.2 (TR); XSLT 2.10.5';

export const CD_CS_SOURCE = 'regelrapport iWmo 3.2 (CD/CS per dataelement); XSLT 2.10.5';
