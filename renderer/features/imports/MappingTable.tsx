import type { ImportPreview } from '../../../shared/ipc/channels/imports';
import { FIELD_KEYS, FIELD_LABELS, type FieldKey } from '../../../shared/domain/import/types';

type Sheet = ImportPreview['sheets'][number];

/** Each column with its header, sample values and the field it feeds; the clerk may change the field. */
export function MappingTable({ sheet, busy, onChange }: { sheet: Sheet; busy: boolean; onChange(mapping: Record<string, FieldKey | 'ignore'>): void }) {
  const cols = [...new Set([...Object.keys(sheet.samples), ...sheet.headers.map((_h, i) => String(i))])].map(Number).sort((a, b) => a - b);
  const letter = (c: number) => { let s = ''; for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s; return s; };
  return (
    <table className="table" aria-label={`Ghép cột của trang tính ${sheet.sheet || 'CSV'}`}>
      <thead><tr><th>Cột</th><th>Tiêu đề trong tệp</th><th>Ví dụ</th><th>Dùng cho</th></tr></thead>
      <tbody>
        {cols.map((c) => (
          <tr key={c}>
            <td>{letter(c)}</td>
            <td>{sheet.headers[c] || <span className="muted">(không có)</span>}</td>
            <td className="muted">{(sheet.samples[String(c)] ?? []).join(' · ')}</td>
            <td>
              <select
                aria-label={`Trường cho cột ${letter(c)}`}
                disabled={busy}
                value={sheet.mapping[String(c)] ?? 'ignore'}
                onChange={(e) => onChange({ ...sheet.mapping, [String(c)]: e.target.value as FieldKey | 'ignore' })}
              >
                {[...FIELD_KEYS, 'ignore' as const].map((f) => <option key={f} value={f}>{FIELD_LABELS[f]}</option>)}
              </select>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
