import { useRef, useState } from 'react';
import type { Unit } from '../../../shared/ipc/channels/units';
import { UNIT_KINDS } from '../../../shared/domain/unit-kinds';
import { api, call } from '../../api';
import { useAction, useLoad } from '../../components/hooks';
import { readUpload } from '../../components/files';
import { EmptyState, ErrorBanner, Notice } from '../../components/ui';
import { flattenUnits } from './unit-tree';
import { UnitForm, type UnitFormValue } from './UnitForm';

export function UnitsPanel() {
  const [showArchived, setShowArchived] = useState(false);
  const units = useLoad(() => api.units.list({ includeArchived: true }), []);
  const { busy, error, setError, run } = useAction();
  const [editing, setEditing] = useState<(Partial<Unit> & { id?: number }) | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const all = units.data ?? [];
  const rows = flattenUnits(showArchived ? all : all.filter((u) => !u.archived));

  const save = (v: UnitFormValue) =>
    run(async () => {
      if (editing?.id) await call(api.units.update({ id: editing.id, ...v }));
      else await call(api.units.create(v));
      setEditing(null);
      setNotice(editing?.id ? `Đã lưu đơn vị “${v.name}”.` : `Đã thêm đơn vị “${v.name}”.`);
      units.reload();
    });

  const move = (u: Unit, index: number) => run(async () => {
    await call(api.units.move({ id: u.id, parentId: u.parentId, index }));
    units.reload();
  });

  const archive = (u: Unit) => run(async () => {
    await call(api.units.archive({ id: u.id, archived: !u.archived }));
    setNotice(u.archived ? `Đã khôi phục “${u.name}”.` : `Đã đưa “${u.name}” vào lưu trữ. Có thể khôi phục khi bật “Hiện đơn vị đã lưu trữ”.`);
    units.reload();
  });

  const importFile = (file: File | undefined) => file && run(async () => {
    const r = await call(api.units.importExcel(await readUpload(file)));
    setNotice(`Đã nhập từ “${file.name}”: thêm ${r.created}, cập nhật ${r.updated} đơn vị.${r.skipped.length ? ' Bỏ qua: ' + r.skipped.map((s) => s.reason).join(' ') : ''}`);
    units.reload();
  });

  return (
    <div>
      <div className="toolbar">
        <button className="primary" onClick={() => setEditing({})}>+ Thêm đơn vị</button>
        <button onClick={() => fileRef.current?.click()} disabled={busy}>Nhập từ Excel…</button>
        <input ref={fileRef} type="file" hidden accept=".xlsx" aria-label="Tệp Excel danh sách đơn vị" onChange={(e) => { void importFile(e.target.files?.[0]); e.target.value = ''; }} />
        <label className="check"><input type="checkbox" checked={showArchived} onChange={(e) => setShowArchived(e.target.checked)} /> Hiện đơn vị đã lưu trữ</label>
      </div>
      <ErrorBanner message={error ?? units.error} onClose={() => setError(null)} />
      <Notice message={notice} />
      {units.data && rows.length === 0 ? (
        <EmptyState title="Chưa có đơn vị nào">
          Thêm các xã/phường, cơ quan, trường học, tổ chức đoàn thể… mà cơ quan giao chỉ tiêu, hoặc nhập cả danh sách từ tệp Excel
          có cột “Tên đơn vị” (và tuỳ chọn “Loại”, “Thuộc”, “Cụm”). Đơn vị có thể lồng nhau nhiều cấp.
        </EmptyState>
      ) : (
        <table className="table">
          <thead><tr><th>Tên đơn vị</th><th>Loại</th><th>Cụm / nhóm</th><th className="num">Thứ tự</th><th /></tr></thead>
          <tbody>
            {rows.map(({ unit: u, depth, index, siblings }) => (
              <tr key={u.id} className={u.archived ? 'archived' : ''}>
                <td style={{ paddingLeft: 8 + depth * 22 }}>{depth > 0 && <span className="muted">└ </span>}{u.name}{u.shortName && <span className="muted"> ({u.shortName})</span>}</td>
                <td>{UNIT_KINDS[u.kind]}</td>
                <td>{u.grouping}</td>
                <td className="num">
                  <button className="icon" aria-label={`Đưa ${u.name} lên`} disabled={index === 0 || busy} onClick={() => move(u, index - 1)}>↑</button>
                  <button className="icon" aria-label={`Đưa ${u.name} xuống`} disabled={index === siblings - 1 || busy} onClick={() => move(u, index + 1)}>↓</button>
                </td>
                <td className="row-actions">
                  <button className="link" onClick={() => setEditing({ parentId: u.id, kind: 'village' })}>+ Đơn vị con</button>
                  <button className="link" onClick={() => setEditing(u)}>Sửa</button>
                  <button className="link" onClick={() => archive(u)}>{u.archived ? 'Khôi phục' : 'Lưu trữ'}</button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {editing && (
        <UnitForm units={all} initial={editing} busy={busy} title={editing.id ? 'Sửa đơn vị' : 'Thêm đơn vị'} onSave={save} onClose={() => setEditing(null)} />
      )}
    </div>
  );
}
