import { useEffect, useMemo, useRef, useState } from 'react';
import { api, call } from '../../api';
import { useCampaign } from '../../app/campaign-context';
import { readUpload, saveDownload } from '../../components/files';
import { formatNumber } from '../../components/format';
import { useAction, useLoad } from '../../components/hooks';
import { EmptyState, ErrorBanner, Modal, Notice } from '../../components/ui';
import { applyPaste, columnsFor, draftFrom, entriesFrom, monthModeOf, parseCell, type Draft, type MonthMode } from './grid-model';
import { QuotaGrid } from './QuotaGrid';
import { ConfirmUnitsDialog } from './ConfirmUnitsDialog';
import type { QuotaImportResult, UnitResolution } from '../../../shared/ipc/channels/quotas';
import type { FileUpload } from '../../../shared/ipc/channels/files';

const LEDGER_WORDS: Record<string, string> = { unit: 'dòng đơn vị', title: 'tiêu đề', header: 'dòng tiêu đề cột', blank: 'dòng trống', section: 'đề mục', total: 'dòng tổng', footer: 'ghi chú/ký tên', error: 'dòng lỗi' };
/** "17 dòng đơn vị, 1 dòng tổng, 2 tiêu đề…": every row of the file accounted for. */
const ledgerText = (counts: Record<string, number>) => Object.entries(counts).filter(([, n]) => n > 0).map(([k, n]) => `${n} ${LEDGER_WORDS[k] ?? k}`).join(', ');
/** "Dòng tổng cộng của bảng “Tổng cộng”": the reader's reason says the kind already, so it is not said twice. */
const ignoredText = (l: QuotaImportResult['ledger'][number]) => {
  const word = LEDGER_WORDS[l.kind] ?? l.kind;
  const what = l.reason && l.kind !== 'error' ? l.reason : `${word}${l.reason ? ` — ${l.reason}` : ''}`;
  return `${what}${l.name ? ` “${l.name}”` : ''}`;
};
import './quotas.css';

/** "Chỉ tiêu": the allocation of the current campaign's targets over the units. */
export function QuotasScreen() {
  const { current, campaigns } = useCampaign();
  const table = useLoad(() => api.quotas.get({ campaignId: current?.id ?? 0 }), [current?.id]);
  const [draft, setDraft] = useState<Draft>(new Map());
  const [dirty, setDirty] = useState(false);
  const [extraMonths, setExtraMonths] = useState<number[]>([]);
  const [mode, setMode] = useState<MonthMode>('bloodUnits');
  const [notice, setNotice] = useState<string | null>(null);
  const [proposing, setProposing] = useState(false);
  const [confirming, setConfirming] = useState(true);
  const [fromId, setFromId] = useState<number | ''>('');
  const [basis, setBasis] = useState<'donated' | 'registered'>('donated');
  const { busy, error, setError, run } = useAction();
  const [pending, setPending] = useState<{ upload: FileUpload; unknown: QuotaImportResult['unknown'] } | null>(null);
  const [importWarnings, setImportWarnings] = useState<string[]>([]);
  const [ignored, setIgnored] = useState<QuotaImportResult['ledger']>([]);
  const allUnits = useLoad(() => api.units.list({ includeArchived: false }), []);
  const fileRef = useRef<HTMLInputElement>(null);
  const t = table.data;

  useEffect(() => {
    if (t) {
      setMode(monthModeOf(t));
      setDraft(draftFrom(t));
      setDirty(false);
    }
  }, [t]);

  const months = useMemo(() => [...new Set([...(t?.months ?? []), ...extraMonths])].sort((a, b) => a - b), [t, extraMonths]);
  const cols = useMemo(() => columnsFor(months, mode), [months, mode]);
  const units = useMemo(() => (t?.units ?? []).filter((u) => !u.archived || t?.entries.some((e) => e.unitId === u.id)), [t]);
  if (!current) {
    return <EmptyState title="Chưa có đợt hiến máu" action={<a className="button primary" href="#/dot-hien-mau">Tạo đợt hiến máu</a>}>Chỉ tiêu được giao theo từng đợt.</EmptyState>;
  }
  const change = (k: string, v: string) => {
    setDraft((d) => new Map(d).set(k, v));
    setDirty(true);
  };
  const paste = (text: string, r: number, c: number) => {
    const known = new Map((allUnits.data ?? []).map((u) => [u.id, [...(u.shortName ? [u.shortName] : []), ...u.aliases]]));
    const res = applyPaste(draft, text, units.map((u) => ({ ...u, names: known.get(u.id) ?? [] })), cols, r, c);
    setDraft(res.draft);
    setDirty(true);
    setNotice(res.unknown.length ? `Đã dán. Không tìm thấy đơn vị: ${res.unknown.join('; ')}.` : 'Đã dán dữ liệu từ Excel; bấm “Lưu” để ghi lại.');
  };
  const hasBad = [...draft.values()].some((v) => Number.isNaN(parseCell(v)));
  const save = () =>
    t &&
    run(async () => {
      await call(api.quotas.save({ campaignId: current.id, entries: entriesFrom(draft, t, units.map((u) => u.id)) }));
      setNotice('Đã lưu bảng chỉ tiêu.');
      setExtraMonths([]);
      table.reload();
    });
  const propose = () =>
    fromId !== '' &&
    run(async () => {
      const p = await call(api.quotas.propose({ campaignId: current.id, fromCampaignId: fromId, basis }));
      const d = new Map(draft);
      for (const u of units) {
        d.delete(`${u.id}:0:registrants`);
        d.delete(`${u.id}:0:bloodUnits`);
      }
      for (const e of p.entries) {
        if (e.registrants !== null) d.set(`${e.unitId}:0:registrants`, String(e.registrants));
        if (e.bloodUnits !== null) d.set(`${e.unitId}:0:bloodUnits`, String(e.bloodUnits));
      }
      setDraft(d);
      setDirty(true);
      setProposing(false);
      setNotice(`Đã đề xuất theo kết quả của ${p.basis.length} đơn vị (tổng ${formatNumber(p.basisTotal)}). Hãy điều chỉnh rồi bấm “Lưu”.`);
    });
  const report = (r: QuotaImportResult, name: string) => {
    // Counted in units, not cells: a monthly table has five cells per unit.
    const unitCount = new Set(r.table.entries.map((e) => e.unitId)).size;
    const parts = [
      r.imported
        ? `Đã nhập chỉ tiêu của ${formatNumber(unitCount)} đơn vị từ “${name}” (${ledgerText(r.counts)}).`
        : `Đã đọc “${name}” (${ledgerText(r.counts)}); chưa nhập chỉ tiêu nào.`,
    ];
    if (r.createdUnits.length) parts.push(`Đã tạo ${r.createdUnits.length} đơn vị mới.`);
    if (r.statedTotals && (r.statedTotals.registrants !== null || r.statedTotals.bloodUnits !== null)) parts.push(`Dòng tổng của bảng: ${r.statedTotals.registrants === null ? '-' : formatNumber(r.statedTotals.registrants)} người đăng ký, ${r.statedTotals.bloodUnits === null ? '-' : formatNumber(r.statedTotals.bloodUnits)} đơn vị máu.`);
    if (r.unknown.length) parts.push(`Còn ${r.unknown.length} tên chưa có trong danh sách đơn vị: hãy xác nhận.`);
    setNotice(parts.join(' '));
    setImportWarnings(r.warnings);
    // Rows that are not units, and unit rows the clerk chose to leave out (the unknown ones are in the dialog).
    setIgnored(r.ledger.filter((l) => l.kind !== 'unit' || (l.reason && !r.unknown.some((u) => u.row === l.row))));
  };
  const importFile = (file: File | undefined) =>
    file &&
    run(async () => {
      const upload = await readUpload(file);
      const r = await call(api.quotas.importExcel({ campaignId: current.id, file: upload }));
      report(r, file.name);
      setPending(r.unknown.length ? { upload, unknown: r.unknown } : null);
      setConfirming(true);
      table.reload();
    });
  const confirmUnits = (resolutions: UnitResolution[]) =>
    pending &&
    run(async () => {
      const r = await call(api.quotas.importExcel({ campaignId: current.id, file: pending.upload, resolutions }));
      report(r, pending.upload.name);
      setPending(null);
      table.reload();
      allUnits.reload();
    });
  const exportFile = () => run(async () => saveDownload(await call(api.quotas.exportExcel({ campaignId: current.id }))));
  const others = campaigns.filter((c) => c.id !== current.id);

  return (
    <div>
      <div className="toolbar">
        <button className="primary" onClick={save} disabled={busy || !dirty || hasBad}>Lưu</button>
        <button onClick={() => table.reload()} disabled={busy || !dirty}>Bỏ thay đổi</button>
        <button onClick={() => setProposing(true)} disabled={busy || others.length === 0}>Đề xuất theo đợt trước…</button>
        <select aria-label="Thêm cột tháng" value="" onChange={(e) => e.target.value && setExtraMonths((m) => [...m, Number(e.target.value)])}>
          <option value="">+ Thêm cột tháng</option>
          {Array.from({ length: 12 }, (_, i) => i + 1).filter((m) => !months.includes(m)).map((m) => <option key={m} value={m}>Tháng {m}</option>)}
        </select>
        {months.length > 0 && (
          <select aria-label="Cột tháng ghi" value={mode} onChange={(e) => setMode(e.target.value as MonthMode)}>
            <option value="bloodUnits">Theo tháng: đơn vị máu</option>
            <option value="registrants">Theo tháng: người đăng ký</option>
            <option value="both">Theo tháng: cả hai</option>
          </select>
        )}
        <button onClick={() => fileRef.current?.click()} disabled={busy}>Nhập từ Excel…</button>
        <input ref={fileRef} type="file" hidden accept=".xlsx" aria-label="Tệp Excel bảng chỉ tiêu" onChange={(e) => { void importFile(e.target.files?.[0]); e.target.value = ''; }} />
        <button onClick={exportFile} disabled={busy}>Xuất Excel</button>
        {dirty && <span className="muted">Có thay đổi chưa lưu</span>}
      </div>
      <ErrorBanner message={error ?? table.error} onClose={() => setError(null)} />
      <Notice message={notice} />
      {importWarnings.length > 0 && (
        <div className="banner banner-warn" role="status">
          <span><strong>Bảng chỉ tiêu không khớp với chính nó:</strong> {importWarnings.join(' ')}</span>
          <button className="link" onClick={() => setImportWarnings([])}>Đóng</button>
        </div>
      )}
      {ignored.length > 0 && (
        <details className="muted">
          <summary>Các dòng của tệp không nhập thành chỉ tiêu ({ignored.length})</summary>
          <ul>{ignored.map((l) => <li key={l.row}>Dòng {l.row}: {ignoredText(l)}</li>)}</ul>
        </details>
      )}
      {pending && (
        <div className="banner banner-warn" role="status">
          <span>{pending.unknown.length} tên trong bảng chỉ tiêu chưa có trong danh sách đơn vị.</span>
          <button onClick={() => setConfirming(true)}>Xem và xác nhận…</button>
        </div>
      )}
      {pending && confirming && (
        <ConfirmUnitsDialog unknown={pending.unknown} units={allUnits.data ?? []} busy={busy} onConfirm={(r) => { setConfirming(false); void confirmUnits(r); }} onClose={() => setConfirming(false)} />
      )}
      {hasBad && <div className="banner banner-warn">Có ô không phải số nguyên (tô đỏ). Hãy sửa trước khi lưu.</div>}
      {t && units.length === 0 ? (
        <EmptyState title="Chưa có đơn vị" action={<span className="muted">Thêm đơn vị ở thẻ “Đơn vị”.</span>}>Bảng chỉ tiêu có một dòng cho mỗi đơn vị.</EmptyState>
      ) : t ? (
        <>
          <p className="muted">Gõ số rồi Enter để xuống dòng; mũi tên để di chuyển; dán (Ctrl+V) một vùng ô từ Excel — nếu cột đầu là tên đơn vị, số liệu được đặt đúng dòng của đơn vị đó. Cột tháng ghi đơn vị máu, người đăng ký hoặc cả hai (chọn ở trên); khi không có số cả đợt, tổng của đơn vị là cộng các tháng.</p>
          <QuotaGrid units={units} cols={cols} months={months} draft={draft} target={{ registrants: t.targetRegistrants, bloodUnits: t.targetBloodUnits }} onChange={change} onPaste={paste} />
        </>
      ) : null}
      {proposing && (
        <Modal title="Đề xuất phân bổ theo kết quả đợt trước" onClose={() => setProposing(false)} footer={<><button onClick={() => setProposing(false)}>Huỷ</button><button className="primary" disabled={busy || fromId === ''} onClick={propose}>Đề xuất</button></>}>
          <p className="muted">Chỉ tiêu của đợt ({t?.targetRegistrants ?? 'chưa đặt'} người đăng ký, {t?.targetBloodUnits ?? 'chưa đặt'} đơn vị máu) được chia cho các đơn vị theo tỷ lệ kết quả của đợt đã chọn, làm tròn thành số nguyên mà tổng vẫn đúng bằng chỉ tiêu. Chưa lưu cho đến khi bấm “Lưu”.</p>
          <label className="field"><span className="field-label">Đợt làm căn cứ</span>
            <select value={fromId} onChange={(e) => setFromId(e.target.value ? Number(e.target.value) : '')} autoFocus>
              <option value="">Chọn đợt…</option>
              {others.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
            </select>
          </label>
          <label className="field"><span className="field-label">Theo</span>
            <select value={basis} onChange={(e) => setBasis(e.target.value as 'donated' | 'registered')}>
              <option value="donated">Số đơn vị máu đã tiếp nhận</option>
              <option value="registered">Số người đăng ký (sau lọc trùng)</option>
            </select>
          </label>
        </Modal>
      )}
    </div>
  );
}
