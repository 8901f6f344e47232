import type { EventRecord } from './output.js';

export function csvHeader(columns: readonly string[]): string {
  return columns.map(csvCell).join(',') + '\n';
}

/** One row per event; fields an event type lacks are empty cells, JSON values are JSON text. */
export function csvRows(events: readonly EventRecord[], columns: readonly string[]): string {
  let out = '';
  for (const event of events) {
    let row = '';
    for (let i = 0; i < columns.length; i++) {
      const value = event[columns[i]!];
      if (i > 0) row += ',';
      if (value === null || value === undefined) continue;
      row += csvCell(typeof value === 'object' ? JSON.stringify(value) : String(value));
    }
    out += row + '\n';
  }
  return out;
}

function csvCell(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
