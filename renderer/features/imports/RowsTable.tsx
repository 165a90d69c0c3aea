import { useState } from 'react';
import type { PreviewRow } from '../../../shared/ipc/channels/imports';

export type EditField = 'full_name' | 'gender' | 'birth_date' | 'national_id' | 'phone' | 'blood_group';
export type Edits = Record<string, Partial<Record<EditField, string | null>>>;

const COLUMNS: { field: EditField; label: string }[] = [
  { field: 'full_name', label: 'Họ và tên' },
  { field: 'gender', label: 'Giới' },
  { field: 'birth_date', label: 'Ngày sinh' },
  { field: 'national_id', label: 'CCCD/CMND' },
  { field: 'phone', label: 'Điện thoại' },
  { field: 'blood_group', label: 'Nhóm máu' },
];
const ISSUE_FIELD: Record<string, EditField> = { full_name: 'full_name', gender: 'gender', birth: 'birth_date', national_id: 'national_id', phone: 'phone', blood_group: 'blood_group' };
export const PAGE = 300;

function shown(field: EditField, v: string | null): string {
  if (v === null) return '';
  if (field === 'gender') return v === 'M' ? 'Nam' : v === 'F' ? 'Nữ' : v;
  if (field === 'birth_date' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return `${v.slice(8)}/${v.slice(5, 7)}/${v.slice(0, 4)}`;
  return v;
}

/** Every row with its problems per cell; a cell can be corrected inline, a row excluded. */
export function RowsTable({ rows, total, onlyIssues, busy, edits, excluded, onEdit, onExclude, onOnlyIssues, onMore }: {
  rows: PreviewRow[];
  /** Rows in the list (or with issues, when filtered); `rows` holds the pages loaded so far. */
  total: number;
  onlyIssues: boolean;
  busy: boolean;
  edits: Edits;
  excluded: Set<string>;
  onEdit(key: string, field: EditField, value: string | null): void;
  onExclude(key: string, excluded: boolean): void;
  onOnlyIssues(on: boolean): void;
  onMore(): void;
}) {
  const [editing, setEditing] = useState<{ key: string; field: EditField } | null>(null);
  const list = rows;
  const limit = rows.length;
  return (
    <div>
      <label className="check"><input type="checkbox" checked={onlyIssues} onChange={(e) => onOnlyIssues(e.target.checked)} /> Chỉ hiện dòng có vấn đề</label>
      <table className="table" aria-label="Các dòng sẽ nhập">
        <thead><tr><th>Trang / dòng</th>{COLUMNS.map((c) => <th key={c.field}>{c.label}</th>)}<th>Vấn đề</th><th>Loại bỏ</th></tr></thead>
        <tbody>
          {list.slice(0, limit).map((r) => {
            const worst = r.issues.some((i) => i.severity === 'error') ? 'sev-error' : r.issues.some((i) => i.severity === 'warning') ? 'sev-warning' : '';
            return (
              <tr key={r.key} className={excluded.has(r.key) ? 'archived' : ''}>
                <td className={worst}>{r.sheet ? `${r.sheet} · ` : ''}{r.row}{r.part ? ` (người ${r.part})` : ''}{r.restored ? <span className="muted"> (nhập lại theo yêu cầu)</span> : null}</td>
                {COLUMNS.map((c) => {
                  const edited = edits[r.key]?.[c.field];
                  const value = edited !== undefined ? edited : (r.values[c.field] as string | null);
                  const bad = r.issues.find((i) => ISSUE_FIELD[i.field] === c.field && i.severity !== 'info');
                  const isEditing = editing?.key === r.key && editing.field === c.field;
                  return (
                    <td key={c.field} className={bad && edited === undefined ? `sev-${bad.severity}` : ''} title={bad?.message}>
                      {isEditing ? (
                        <input
                          autoFocus
                          aria-label={`Sửa ${c.label} dòng ${r.row}`}
                          defaultValue={value ?? ''}
                          onBlur={(e) => { onEdit(r.key, c.field, e.target.value.trim() || null); setEditing(null); }}
                          onKeyDown={(e) => { if (e.key === 'Enter') (e.target as HTMLInputElement).blur(); if (e.key === 'Escape') setEditing(null); }}
                        />
                      ) : (
                        <button className="link" aria-label={`Sửa ${c.label} dòng ${r.row}`} onClick={() => setEditing({ key: r.key, field: c.field })}>
                          {shown(c.field, value) || <span className="muted">—</span>}
                        </button>
                      )}
                    </td>
                  );
                })}
                <td>{r.issues.map((i, n) => <div key={n} className={`sev-${i.severity}`}>{i.message}</div>)}</td>
                <td><input type="checkbox" aria-label={`Loại bỏ dòng ${r.row}`} checked={excluded.has(r.key)} onChange={(e) => onExclude(r.key, e.target.checked)} /></td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {total > limit && <button disabled={busy} onClick={onMore}>Xem thêm {Math.min(PAGE, total - limit)} dòng (còn {(total - limit).toLocaleString('vi-VN')})</button>}
    </div>
  );
}
