/**
 * The version of the official level-2 rule set (XSLT "TR-CD-CS regels WMO 3.2") whose checks the
 * gateway's level-2 rules reproduce. A retour that rejects on level 2 names it (IV033).
 */
export const XSLT_VERSIE = '2.10.5';
