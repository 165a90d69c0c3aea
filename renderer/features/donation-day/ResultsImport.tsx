import { useCallback, useEffect, useRef, useState } from 'react';
import type { CheckinHit, ResultImport, ResultRow } from '../../../shared/ipc/channels/donation-day';
import { api, call } from '../../api';
import { readUpload } from '../../components/files';
import { useAction } from '../../components/hooks';
import { ErrorBanner, Notice } from '../../components/ui';
import { PersonLine } from './person-line';
import { REVIEWS_CHANGED } from '../../components/review-events';

type ReviewItem = ResultImport['unmatched'][number] & { file: string };

const GENDER: Record<string, string> = { M: 'Nam', F: 'Nữ' };

function rowText(r: ResultRow): string {
  const what = r.outcome === 'donated' ? `hiến ${r.volumeMl ?? '?'} ml` : `hoãn (${r.reason ?? ''})`;
  return `Dòng ${r.row}: ${r.fullName}${r.birthYear ? `, ${r.birthYear}` : ''} — ${what}`;
}

/** What the facility wrote of the person, to set beside each candidate. */
function FacilityFacts({ r }: { r: ResultRow }) {
  const facts = [
    r.gender ? GENDER[r.gender] : null,
    r.birthYear ? `sinh năm ${r.birthYear}` : null,
    r.unitText ? `đơn vị/địa chỉ: ${r.unitText}` : null,
    r.phone ? `ĐT ${r.phone}` : null,
    r.nationalId ? `CCCD ${r.nationalId}` : null,
    r.bloodGroup ? `nhóm máu ${r.bloodGroup}` : null,
  ].filter(Boolean);
  return <div className="muted">Cơ sở máu ghi: {facts.join(' · ') || 'chỉ có họ tên'}</div>;
}

/**
 * Imports the blood facility's result list. Rows the data decides are recorded at once; the rows left
 * for the clerk are kept in the database, so they are here again after leaving the screen, with the
 * facility's facts beside each candidate and one button for every row that has a single candidate.
 */
export function ResultsImport({ campaignId, today, onChanged }: { campaignId: number; today: string; onChanged(): void }) {
  const [result, setResult] = useState<ResultImport | null>(null);
  const [reviews, setReviews] = useState<ReviewItem[]>([]);
  const [lookup, setLookup] = useState<{ key: string; q: string; hits: CheckinHit[] } | null>(null);
  const { busy, error, setError, run } = useAction();
  const fileRef = useRef<HTMLInputElement>(null);

  const reload = useCallback(async () => {
    const r = await api.donationDay.reviews({ campaignId });
    if (r.ok) setReviews(r.value);
    window.dispatchEvent(new Event(REVIEWS_CHANGED));
  }, [campaignId]);
  useEffect(() => {
    void reload();
  }, [reload]);

  const importFile = (file: File | undefined) =>
    file &&
    run(async () => {
      const r = await call(api.donationDay.importResults({ campaignId, file: await readUpload(file) }));
      setResult(r);
      await reload();
      onChanged();
    });
  const after = async () => {
    setLookup(null);
    await reload();
    onChanged();
  };
  const resolve = (file: string, row: ResultRow, registrationId: number | null) =>
    run(async () => {
      await call(api.donationDay.resolveRow({ campaignId, file, row, registrationId }));
      await after();
    });
  const keepDesk = (file: string, row: number) =>
    run(async () => {
      await call(api.donationDay.keepDesk({ campaignId, file, row }));
      await after();
    });
  const confirmSingles = () =>
    run(async () => {
      await call(api.donationDay.confirmSingles({ campaignId }));
      await after();
    });
  const find = async (key: string, q: string) => {
    setLookup({ key, q, hits: [] });
    const r = await api.donationDay.search({ campaignId, q, limit: 10 });
    if (r.ok) setLookup({ key, q, hits: r.value.hits });
  };
  const lookupFor = (key: string, file: string, row: ResultRow) =>
    lookup?.key === key ? (
      <div style={{ marginTop: 6 }}>
        <input aria-label={`Tìm người cho dòng ${row.row}`} value={lookup.q} onChange={(e) => void find(key, e.target.value)} />
        {lookup.hits.filter((h) => h.registrationId !== null).map((h) => (
          <div key={h.personId} style={{ display: 'flex', justifyContent: 'space-between', gap: 8, marginTop: 4 }}>
            <PersonLine h={h} today={today} />
            <button disabled={busy} onClick={() => void resolve(file, row, h.registrationId)}>Chọn</button>
          </div>
        ))}
      </div>
    ) : null;
  const singles = reviews.filter((r) => r.kind === 'ambiguous' && r.candidates.length === 1).length;

  return (
    <div>
      <div className="toolbar">
        <button className="primary" disabled={busy} onClick={() => fileRef.current?.click()}>Nhập danh sách kết quả (Excel)…</button>
        <input ref={fileRef} type="file" hidden accept=".xlsx" aria-label="Tệp kết quả của cơ sở tiếp nhận máu" onChange={(e) => { void importFile(e.target.files?.[0]); e.target.value = ''; }} />
        <span className="muted">Danh sách người hiến máu do bệnh viện/viện huyết học gửi lại; tự khớp theo CCCD, điện thoại + tên, tên + năm sinh khi chỉ một người đăng ký phù hợp.</span>
      </div>
      <ErrorBanner message={error} onClose={() => setError(null)} />
      {result && (
        <>
          <Notice
            message={`“${result.file}”: ${result.rows} dòng — tự khớp ${result.matched}, ghi là hiến tại chỗ ${result.walkIns.length}, cần chọn ${result.unmatched.length}${result.skipped.length ? `, bỏ qua ${result.skipped.length}` : ''}.`}
          />
          {result.skipped.map((s) => <div key={s.row} className="banner banner-warn">{s.problem}</div>)}
          {result.ignored.length > 0 && (
            <details>
              <summary>Bỏ qua {result.ignored.length} dòng không phải người (tiêu đề, tên cột, tổng cộng, nơi ký)</summary>
              <ul>{result.ignored.map((i) => <li key={i.row}>Dòng {i.row}: {i.reason}</li>)}</ul>
            </details>
          )}
        </>
      )}
      {reviews.length > 0 && (
        <div className="toolbar">
          <h2 style={{ margin: 0 }}>Cần chọn đúng người ({reviews.length} dòng)</h2>
          {singles > 0 && (
            <button disabled={busy} onClick={() => void confirmSingles()}>
              Xác nhận {singles} dòng chỉ có một người phù hợp
            </button>
          )}
        </div>
      )}
      {reviews.map((u) => {
        const key = `${u.file}#${u.row}`;
        return (
          <div key={key} className="card" style={{ marginBottom: 8 }}>
            <div><strong>{rowText(u)}</strong> <span className="muted">({u.file})</span></div>
            <FacilityFacts r={u} />
            <div className="muted">{u.problem}</div>
            {u.candidates.map((c) => (
              <div key={c.personId} style={{ display: 'flex', justifyContent: 'space-between', gap: 8, marginTop: 6 }}>
                <PersonLine h={c} today={today} />
                <button disabled={busy} onClick={() => void resolve(u.file, u, c.registrationId)}>
                  {u.kind === 'difference' ? 'Lấy kết quả của cơ sở máu' : 'Đúng người này'}
                </button>
              </div>
            ))}
            <div className="row-actions" style={{ marginTop: 6 }}>
              {u.kind === 'difference' ? (
                <button className="link" disabled={busy} onClick={() => void keepDesk(u.file, u.row)}>Giữ kết quả đã ghi tại bàn</button>
              ) : (
                <>
                  <button className="link" onClick={() => void find(key, u.fullName)}>Tìm người khác…</button>
                  <button className="link" disabled={busy} onClick={() => void resolve(u.file, u, null)}>Ghi là người hiến tại chỗ</button>
                </>
              )}
            </div>
            {lookupFor(key, u.file, u)}
          </div>
        );
      })}
      {result && result.walkIns.length > 0 && <h2>Đã ghi là người hiến tại chỗ (không có trong danh sách đăng ký)</h2>}
      {result?.walkIns.map((w) => {
        const key = `walk#${w.row}`;
        return (
          <div key={key} className="card" style={{ marginBottom: 8 }}>
            <div>{rowText(w)}</div>
            <FacilityFacts r={w} />
            <button className="link" onClick={() => void find(key, w.fullName)}>Thực ra là người đã đăng ký? Tìm…</button>
            {lookupFor(key, result.file, w)}
          </div>
        );
      })}
    </div>
  );
}
