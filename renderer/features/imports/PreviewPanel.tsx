import { useCallback, useEffect, useRef, useState } from 'react';
import type { ImportPreview, PreviewRow } from '../../../shared/ipc/channels/imports';
import type { FieldKey } from '../../../shared/domain/import/types';
import { api, call } from '../../api';
import { useAction, useLoad } from '../../components/hooks';
import { ErrorBanner } from '../../components/ui';
import { MappingTable } from './MappingTable';
import { LedgerPanel } from './LedgerPanel';
import { PAGE, RowsTable, type EditField, type Edits } from './RowsTable';

const SKIPPED: Record<string, string> = { hidden: 'trang ẩn', empty: 'trang trống', no_header: 'không có cột "Họ và tên" (trang tổng hợp?)', no_rows: 'không có dòng nào' };

/** One file's preview: the unit to confirm, the mapping, every row; then commit. */
export function PreviewPanel({ previewId, onCommitted, onDiscard }: { previewId: string; onCommitted(message: string): void; onDiscard(): void }) {
  const units = useLoad(() => api.units.list({}), []);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [rows, setRows] = useState<PreviewRow[]>([]);
  const [onlyIssues, setOnlyIssues] = useState(false);
  const [unitChoice, setUnitChoice] = useState<string>('');
  const [newUnitName, setNewUnitName] = useState('');
  const [onDuplicate, setOnDuplicate] = useState<'replace' | 'skip'>('skip');
  const [edits, setEdits] = useState<Edits>({});
  const [excluded, setExcluded] = useState<Set<string>>(new Set());
  const [showMapping, setShowMapping] = useState(false);
  const { busy, error, setError, run } = useAction();

  /** Loads a page of rows; from 0 it replaces what is shown (first load, filter, remap). */
  const load = useCallback(async (offset: number, issuesOnly: boolean) => {
    const p = await call(api.imports.preview({ previewId, offset, limit: PAGE, onlyIssues: issuesOnly }));
    setPreview(p);
    setRows((old) => (offset === 0 ? p.rows : [...old, ...p.rows]));
    return p;
  }, [previewId]);

  const restoredDraft = useRef(false);
  useEffect(() => {
    void run(async () => {
      const p = await load(0, false);
      // The clerk's pending choices come back after a tab switch, a screen change or a reload.
      if (p.draft) {
        setUnitChoice(p.draft.unitChoice);
        setNewUnitName(p.draft.newUnitName);
        setOnDuplicate(p.draft.onDuplicate);
        setExcluded(new Set(p.draft.excluded));
        setEdits(p.draft.edits as Edits);
      } else {
        setUnitChoice(p.unit.unitId !== null ? String(p.unit.unitId) : 'new');
        setNewUnitName(p.unit.proposedName ?? '');
      }
      restoredDraft.current = true;
    });
  }, [load, run]);

  // Every choice is saved with the preview at once, so a tab switch, a screen change or a reload loses nothing.
  useEffect(() => {
    if (!restoredDraft.current) return;
    void api.imports.saveDraft({ previewId, draft: { unitChoice, newUnitName, onDuplicate, excluded: [...excluded], edits: edits as Record<string, Record<string, string | null>> } });
  }, [previewId, unitChoice, newUnitName, onDuplicate, excluded, edits]);

  if (!preview) return <ErrorBanner message={error} />;
  const remap = (sheet: string, mapping: Record<string, FieldKey | 'ignore'>) =>
    run(async () => { await call(api.imports.remap({ previewId, sheet, mapping })); await load(0, onlyIssues); });
  const restore = (sheet: string, row: number) =>
    run(async () => { await call(api.imports.restoreRow({ previewId, sheet, row, restore: true })); await load(0, onlyIssues); });
  const filter = (on: boolean) => run(async () => { setOnlyIssues(on); await load(0, on); });
  const more = () => run(() => load(rows.length, onlyIssues));
  const edit = (key: string, field: EditField, value: string | null) => setEdits((e) => ({ ...e, [key]: { ...e[key], [field]: value } }));
  const exclude = (key: string, on: boolean) => setExcluded((s) => { const n = new Set(s); if (on) n.add(key); else n.delete(key); return n; });
  const commit = () => run(async () => {
    const unitId = unitChoice === 'new' || unitChoice === '' ? null : Number(unitChoice);
    if (unitId === null && !newUnitName.trim()) throw new Error('Hãy chọn đơn vị gửi danh sách hoặc nhập tên đơn vị mới.');
    const r = await call(api.imports.commit({
      previewId,
      unitId,
      newUnitName: unitId === null ? newUnitName.trim() : null,
      onDuplicate: preview.duplicateOf ? onDuplicate : 'refuse',
      excluded: [...excluded],
      edits: Object.entries(edits).flatMap(([key, fields]) => Object.entries(fields).map(([field, value]) => ({ key, field: field as EditField, value: value ?? null }))),
    }));
    const arrived = r.arrived && r.arrived.pairs > 0
      ? ` ${r.arrived.proposed} người có thể đã đăng ký ở danh sách khác hoặc đã có trong sổ các đợt trước${r.arrived.pairs > r.arrived.proposed ? `, ${r.arrived.pairs - r.arrived.proposed} trường hợp cần xem thêm` : ''} — xem ở màn hình “Trùng lặp”.`
      : '';
    onCommitted(r.skipped ? `Bỏ qua “${preview.fileName}”: tệp này đã được nhập trước đây.` : `Đã nhập ${r.imported} người từ “${preview.fileName}”${r.replacedBatchId ? ` (thay lần nhập số ${r.replacedBatchId})` : ''}.${arrived}`);
  });
  const discard = () => run(async () => { await call(api.imports.discard({ previewId })); onDiscard(); });
  const active = preview.sheets.filter((s) => !s.skipped || s.needsMapping);
  const skipped = preview.sheets.filter((s) => s.skipped && !s.needsMapping);
  const needsMapping = preview.sheets.filter((s) => s.needsMapping);
  const mappingOpen = showMapping || needsMapping.length > 0;
  const count = preview.counts.rows - excluded.size;

  return (
    <div className="card">
      <ErrorBanner message={error} onClose={() => setError(null)} />
      {preview.duplicateOf && (
        <div className="banner banner-warn" role="alert">
          <span>Tệp này đã được nhập vào đợt ngày {new Date(preview.duplicateOf.createdAt).toLocaleString('vi-VN')} (lần nhập số {preview.duplicateOf.batchId}, {preview.duplicateOf.rowCount} người).</span>
          <span>
            <label className="check"><input type="radio" name="dup" checked={onDuplicate === 'skip'} onChange={() => setOnDuplicate('skip')} /> Bỏ qua</label>{' '}
            <label className="check"><input type="radio" name="dup" checked={onDuplicate === 'replace'} onChange={() => setOnDuplicate('replace')} /> Thay thế lần nhập cũ</label>
          </span>
        </div>
      )}
      <div className="row">
        <label className="field">
          <span className="field-label">Đơn vị gửi danh sách</span>
          <select aria-label="Đơn vị gửi danh sách" value={unitChoice} onChange={(e) => setUnitChoice(e.target.value)}>
            <option value="new">+ Đơn vị mới…</option>
            {(units.data ?? []).map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
          </select>
          <span className="field-hint muted">{preview.unit.reason}</span>
        </label>
        {unitChoice === 'new' && (
          <label className="field">
            <span className="field-label">Tên đơn vị mới</span>
            <input aria-label="Tên đơn vị mới" value={newUnitName} onChange={(e) => setNewUnitName(e.target.value)} />
          </label>
        )}
      </div>
      <p>
        Trang tính có danh sách: {active.filter((s) => !s.skipped).map((s) => `“${s.sheet || 'CSV'}” (${s.personCount} người, tiêu đề ở dòng ${s.headerRows.join(', ')})`).join('; ')}.
        {skipped.length > 0 && <> Bỏ qua: {skipped.map((s) => `“${s.sheet}” (${SKIPPED[s.skipped!]})`).join('; ')}.</>}
        {' '}<span className="muted">{preview.counts.errors} lỗi, {preview.counts.warnings} cảnh báo.</span>
      </p>
      {needsMapping.length > 0 && (
        <div className="banner banner-warn" role="alert">
          <span>
            Không nhận ra dòng tên cột của {needsMapping.map((s) => `“${s.sheet || 'CSV'}”`).join(', ')}. Các cột dưới đây được đoán theo giá trị (họ tên, ngày sinh, số CCCD 12 chữ số, số điện thoại):
            hãy kiểm tra từng cột, chọn lại nếu cần. Cách ghép cột được ghi nhớ cho đơn vị này khi ghi.
          </span>
        </div>
      )}
      <LedgerPanel preview={preview} busy={busy} onRestore={restore} />
      {needsMapping.length === 0 && <button className="link" onClick={() => setShowMapping(!showMapping)}>{showMapping ? 'Ẩn cách ghép cột' : 'Xem / sửa cách ghép cột'}</button>}
      {mappingOpen && active.map((s) => (
        <div key={s.sheet}>
          <h3>{s.sheet || 'Tệp CSV'}</h3>
          {s.titleRows.length > 0 && <p className="muted">Dòng tiêu đề: {s.titleRows.join(' / ')}</p>}
          <MappingTable sheet={s} busy={busy} onChange={(m) => remap(s.sheet, m)} />
          {(s.blocks ?? 1) > 1 && <p className="muted">Mỗi dòng in {s.blocks} người (các khối cột giống nhau đặt cạnh nhau): mỗi khối được nhập là một người, theo thứ tự số thứ tự.</p>}
        </div>
      ))}
      <RowsTable rows={rows} total={preview.page?.total ?? rows.length} onlyIssues={onlyIssues} busy={busy} edits={edits} excluded={excluded} onEdit={edit} onExclude={exclude} onOnlyIssues={filter} onMore={more} />
      <div className="form-actions" style={{ marginTop: 12 }}>
        {preview.duplicateOf && onDuplicate === 'skip' ? (
          <button className="primary" disabled={busy} onClick={commit}>Bỏ qua tệp này (đã nhập trước đây)</button>
        ) : (
          <button className="primary" disabled={busy || count === 0} onClick={commit}>
            {preview.duplicateOf ? `Thay lần nhập cũ bằng ${count.toLocaleString('vi-VN')} người` : `Ghi ${count.toLocaleString('vi-VN')} người vào đợt`}
          </button>
        )}
        <button disabled={busy} onClick={discard}>Bỏ tệp này</button>
      </div>
    </div>
  );
}
