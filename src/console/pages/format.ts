import { html, type SafeHtml } from '../html.js';

/** `2026-11-23 10:04:05` in Dutch time, for tables. */
export function dutchTime(iso: string | null | undefined): string {
  if (iso === null || iso === undefined || iso === '') {
    return '';
  }
  const d = new Date(iso);
  return Number.isNaN(d.getTime())
    ? iso
    : d.toLocaleString('sv-SE', { timeZone: 'Europe/Amsterdam' });
}

/** A short human duration: 45 s, 12 min, 3.5 h, 2.0 d. */
export function duration(ms: number): string {
  const s = ms / 1000;
  if (s < 90) {
    return `${Math.round(s)} s`;
  }
  if (s < 5400) {
    return `${Math.round(s / 60)} min`;
  }
  if (s < 172_800) {
    return `${(s / 3600).toFixed(1)} h`;
  }
  return `${(s / 86_400).toFixed(1)} d`;
}

export function statusTag(status: string): SafeHtml {
  return html`<span class="tag status-${status}">${status}</span>`;
}

export function messageLink(id: string, label?: string): SafeHtml {
  return html`<a href="/console/messages/${encodeURIComponent(id)}">${label ?? id.slice(0, 8)}</a>`;
}
