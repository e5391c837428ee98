/** `<prefix>:deadline:open`: answered heen messages whose retour may not be out yet (score: due, ms). */
export function openDeadlinesKey(prefix: string): string {
  return `${prefix}:deadline:open`;
}

/** Working days for the answer: 10 for a declaration (its WMO325), 3 for any retour (§7.3). */
export function answerWorkingDays(messageType: string): number {
  return messageType === 'WMO323' ? 10 : 3;
}
