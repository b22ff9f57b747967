// A chart's numbers as CSV: UTF-8 with a byte-order mark, so Excel on Japanese Windows opens it as
// UTF-8 rather than Shift_JIS, and cells that a spreadsheet would run as a formula are defused.
import type { ChartTable } from './chart.ts';

const BOM = '\uFEFF';

function cell(value: string | number): string {
  if (typeof value === 'number') return String(value);
  // Untrusted names (organisations, attackers) starting with = + - @ would be formulas (CSV injection).
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function tableToCsv(table: ChartTable): string {
  const lines = [table.columns, ...table.rows].map((row) => row.map(cell).join(','));
  return BOM + lines.join('\r\n') + '\r\n';
}
