/** One line of a benchmark table: what was measured, the figure, its unit and how to read it. */
export interface Row {
  readonly name: string;
  readonly value: number | string;
  readonly unit: string;
  readonly notes?: string;
}

/** Formats a figure with a precision that suits its size (3 significant digits, thousands split). */
export function formatValue(value: number | string): string {
  if (typeof value === 'string') {
    return value;
  }
  if (!Number.isFinite(value)) {
    return String(value);
  }
  const abs = Math.abs(value);
  const digits = Number.isInteger(value) || abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : 3;
  return value.toLocaleString('en-US', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}

/** Renders rows as a plain aligned text table: name | value | unit | notes. */
export function renderTable(title: string, rows: readonly Row[]): string {
  const header = ['name', 'value', 'unit', 'notes'];
  const cells = rows.map((row) => [row.name, formatValue(row.value), row.unit, row.notes ?? '']);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? '').length)));
  const line = (parts: readonly string[]): string =>
    parts
      .map((part, i) => (i === 1 ? part.padStart(widths[i] ?? 0) : part.padEnd(widths[i] ?? 0)))
      .join(' | ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('-|-');
  return [`## ${title}`, '', line(header), rule, ...cells.map(line), ''].join('\n');
}
