import { useEffect, useMemo, useRef, useState } from 'react';
import { api, call } from '../../api';
import { useCampaign } from '../../app/campaign-context';
import { readUpload, saveDownload } from '../../components/files';
import { useAction, useLoad } from '../../components/hooks';
import { EmptyState, ErrorBanner, Modal, Notice } from '../../components/ui';
import { applyPaste, columnsFor, draftFrom, entriesFrom, monthModeOf, parseCell, type Draft, type MonthMode } from './grid-model';
import { QuotaGrid } from './QuotaGrid';
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
  const [fromId, setFromId] = useState<number | ''>('');
  const [basis, setBasis] = useState<'donated' | 'registered'>('donated');
  const { busy, error, setError, run } = useAction();
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
    const res = applyPaste(draft, text, units, cols, r, c);
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
      setNotice(`Đã đề xuất theo kết quả của ${p.basis.length} đơn vị (tổng ${p.basisTotal}). Hãy điều chỉnh rồi bấm “Lưu”.`);
    });
  const importFile = (file: File | undefined) =>
    file &&
    run(async () => {
      const r = await call(api.quotas.importExcel({ campaignId: current.id, file: await readUpload(file) }));
      setNotice(`Đã nhập ${r.imported} ô chỉ tiêu từ “${file.name}”.${r.unknown.length ? ` Không có trong danh sách đơn vị: ${r.unknown.map((u) => `dòng ${u.row} “${u.name}”`).join('; ')} — hãy thêm đơn vị rồi nhập lại.` : ''}`);
      table.reload();
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
