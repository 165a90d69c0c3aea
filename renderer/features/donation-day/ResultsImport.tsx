import { useRef, useState } from 'react';
import type { CheckinHit, ResultImport, ResultRow } from '../../../shared/ipc/channels/donation-day';
import { api, call } from '../../api';
import { readUpload } from '../../components/files';
import { useAction } from '../../components/hooks';
import { ErrorBanner, Notice } from '../../components/ui';
import { PersonLine } from './person-line';

function rowText(r: ResultRow): string {
  const what = r.outcome === 'donated' ? `hiến ${r.volumeMl ?? '?'} ml` : `hoãn (${r.reason ?? ''})`;
  return `Dòng ${r.row}: ${r.fullName}${r.birthYear ? `, ${r.birthYear}` : ''} — ${what}`;
}

/** Imports the blood facility's result list and lets the clerk settle the rows that did not match one registration. */
export function ResultsImport({ campaignId, today, onChanged }: { campaignId: number; today: string; onChanged(): void }) {
  const [result, setResult] = useState<ResultImport | null>(null);
  const [settled, setSettled] = useState<Set<number>>(new Set());
  const [lookup, setLookup] = useState<{ row: number; q: string; hits: CheckinHit[] } | null>(null);
  const { busy, error, setError, run } = useAction();
  const fileRef = useRef<HTMLInputElement>(null);

  const importFile = (file: File | undefined) =>
    file &&
    run(async () => {
      const r = await call(api.donationDay.importResults({ campaignId, file: await readUpload(file) }));
      setResult(r);
      setSettled(new Set());
      onChanged();
    });
  const resolve = (row: ResultRow, registrationId: number | null) =>
    result &&
    run(async () => {
      await call(api.donationDay.resolveRow({ campaignId, file: result.file, row, registrationId }));
      setSettled((s) => new Set(s).add(row.row));
      setLookup(null);
      onChanged();
    });
  const find = async (row: number, q: string) => {
    setLookup({ row, q, hits: [] });
    const r = await api.donationDay.search({ campaignId, q, limit: 10 });
    if (r.ok) setLookup({ row, q, hits: r.value.hits });
  };
  const lookupFor = (row: ResultRow) =>
    lookup?.row === row.row ? (
      <div style={{ marginTop: 6 }}>
        <input aria-label={`Tìm người cho dòng ${row.row}`} value={lookup.q} onChange={(e) => void find(row.row, e.target.value)} />
        {lookup.hits.filter((h) => h.registrationId !== null).map((h) => (
          <div key={h.personId} style={{ display: 'flex', justifyContent: 'space-between', gap: 8, marginTop: 4 }}>
            <PersonLine h={h} today={today} />
            <button disabled={busy} onClick={() => void resolve(row, h.registrationId)}>Chọn</button>
          </div>
        ))}
      </div>
    ) : null;

  return (
    <div>
      <div className="toolbar">
        <button className="primary" disabled={busy} onClick={() => fileRef.current?.click()}>Nhập danh sách kết quả (Excel)…</button>
        <input ref={fileRef} type="file" hidden accept=".xlsx" aria-label="Tệp kết quả của cơ sở tiếp nhận máu" onChange={(e) => { void importFile(e.target.files?.[0]); e.target.value = ''; }} />
        <span className="muted">Danh sách người hiến máu do bệnh viện/viện huyết học gửi lại; đối chiếu theo CCCD, rồi điện thoại + tên, rồi tên + năm sinh.</span>
      </div>
      <ErrorBanner message={error} onClose={() => setError(null)} />
      {result && (
        <>
          <Notice message={`“${result.file}”: ${result.rows} dòng — khớp ${result.matched}, ghi là hiến tại chỗ ${result.walkIns.length}, cần chọn ${result.unmatched.length}${result.skipped.length ? `, bỏ qua ${result.skipped.length}` : ''}.`} />
          {result.skipped.map((s) => <div key={s.row} className="banner banner-warn">{s.problem}</div>)}
          {result.unmatched.length > 0 && <h2>Cần chọn đúng người</h2>}
          {result.unmatched.map((u) => (
            <div key={u.row} className="card" style={{ marginBottom: 8, opacity: settled.has(u.row) ? 0.55 : 1 }}>
              <div><strong>{rowText(u)}</strong>{settled.has(u.row) && ' — đã xử lý'}</div>
              <div className="muted">{u.problem}</div>
              {!settled.has(u.row) && (
                <>
                  {u.candidates.map((c) => (
                    <div key={c.personId} style={{ display: 'flex', justifyContent: 'space-between', gap: 8, marginTop: 6 }}>
                      <PersonLine h={c} today={today} />
                      <button disabled={busy} onClick={() => void resolve(u, c.registrationId)}>Đúng người này</button>
                    </div>
                  ))}
                  <div className="row-actions" style={{ marginTop: 6 }}>
                    <button className="link" onClick={() => void find(u.row, u.fullName)}>Tìm người khác…</button>
                    <button className="link" disabled={busy} onClick={() => void resolve(u, null)}>Ghi là người hiến tại chỗ</button>
                  </div>
                  {lookupFor(u)}
                </>
              )}
            </div>
          ))}
          {result.walkIns.length > 0 && <h2>Đã ghi là người hiến tại chỗ (không có trong danh sách đăng ký)</h2>}
          {result.walkIns.map((w) => (
            <div key={w.row} className="card" style={{ marginBottom: 8 }}>
              <div>{rowText(w)}{settled.has(w.row) && ' — đã chuyển sang người đăng ký'}</div>
              {!settled.has(w.row) && <button className="link" onClick={() => void find(w.row, w.fullName)}>Thực ra là người đã đăng ký? Tìm…</button>}
              {lookupFor(w)}
            </div>
          ))}
        </>
      )}
    </div>
  );
}
