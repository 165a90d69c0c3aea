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
const PAGE = 200;

function shown(field: EditField, v: string | null): string {
  if (v === null) return '';
  if (field === 'gender') return v === 'M' ? 'Nam' : v === 'F' ? 'Nữ' : v;
  if (field === 'birth_date' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return `${v.slice(8)}/${v.slice(5, 7)}/${v.slice(0, 4)}`;
  return v;
}

/** Every row with its problems per cell; a cell can be corrected inline, a row excluded. */
export function RowsTable({ rows, edits, excluded, onEdit, onExclude }: {
  rows: PreviewRow[];
  edits: Edits;
  excluded: Set<string>;
  onEdit(key: string, field: EditField, value: string | null): void;
  onExclude(key: string, excluded: boolean): void;
}) {
  const [onlyIssues, setOnlyIssues] = useState(false);
  const [limit, setLimit] = useState(PAGE);
  const [editing, setEditing] = useState<{ key: string; field: EditField } | null>(null);
  const list = onlyIssues ? rows.filter((r) => r.issues.some((i) => i.severity !== 'info')) : rows;
  return (
    <div>
      <label className="check"><input type="checkbox" checked={onlyIssues} onChange={(e) => setOnlyIssues(e.target.checked)} /> Chỉ hiện dòng có vấn đề</label>
      <table className="table" aria-label="Các dòng sẽ nhập">
        <thead><tr><th>Trang / dòng</th>{COLUMNS.map((c) => <th key={c.field}>{c.label}</th>)}<th>Vấn đề</th><th>Loại bỏ</th></tr></thead>
        <tbody>
          {list.slice(0, limit).map((r) => {
            const worst = r.issues.some((i) => i.severity === 'error') ? 'sev-error' : r.issues.some((i) => i.severity === 'warning') ? 'sev-warning' : '';
            return (
              <tr key={r.key} className={excluded.has(r.key) ? 'archived' : ''}>
                <td className={worst}>{r.sheet ? `${r.sheet} · ` : ''}{r.row}</td>
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
      {list.length > limit && <button onClick={() => setLimit(limit + PAGE)}>Xem thêm {Math.min(PAGE, list.length - limit)} dòng (còn {list.length - limit})</button>}
    </div>
  );
}
