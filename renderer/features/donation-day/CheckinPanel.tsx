import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { CheckinHit, RecordOutcomeInput } from '../../../shared/ipc/channels/donation-day';
import { api, call } from '../../api';
import { PersonLine, outcomeLabel } from './person-line';

type Step = { kind: 'choose' } | { kind: 'serial'; volume: 250 | 350 | 450 } | { kind: 'defer' };

const REASONS = ['Huyết áp thấp', 'Huyết áp cao', 'Thiếu cân', 'Hemoglobin thấp', 'Đang dùng thuốc', 'Mới ốm dậy', 'Chưa đủ khoảng cách giữa hai lần hiến'];

/**
 * Keyboard-first check-in: type → ↑/↓ → Enter opens the person; then D (đã đến), 1/2/3 (250/350/450 ml,
 * then the certificate serial and Enter), H (hoãn, reason, Enter), X (xoá kết quả), Esc back to the search.
 */
export function CheckinPanel({ campaignId, today, onChanged, refreshKey, openPerson }: { campaignId: number; today: string; onChanged(): void; refreshKey: number; openPerson?: CheckinHit | null }) {
  const [q, setQ] = useState('');
  const [hits, setHits] = useState<CheckinHit[]>([]);
  const [total, setTotal] = useState(0);
  const [active, setActive] = useState(0);
  const [person, setPerson] = useState<CheckinHit | null>(null);
  const [step, setStep] = useState<Step>({ kind: 'choose' });
  const [serial, setSerial] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [last, setLast] = useState<string | null>(null);
  const seq = useRef(0);
  const searchRef = useRef<HTMLInputElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const my = ++seq.current;
    if (!q.trim()) {
      setHits([]);
      setTotal(0);
      return;
    }
    void api.donationDay.search({ campaignId, q, limit: 30 }).then((r) => {
      if (my !== seq.current) return;
      if (r.ok) {
        setHits(r.value.hits);
        setTotal(r.value.total);
        setActive(0);
      } else setError(r.error.message);
    });
  }, [q, campaignId, refreshKey]);

  useEffect(() => {
    if (person && step.kind === 'choose') panelRef.current?.focus();
    else if (person) inputRef.current?.focus();
    else searchRef.current?.focus();
  }, [person, step]);

  useEffect(() => {
    if (openPerson) open(openPerson);
  }, [openPerson]);

  const open = (h: CheckinHit | undefined) => {
    if (!h) return;
    setPerson(h);
    setStep({ kind: 'choose' });
    setSerial(h.certificateSerial ?? '');
    setReason('');
    setError(null);
  };
  const back = () => {
    setPerson(null);
    setStep({ kind: 'choose' });
  };
  const record = async (input: Omit<RecordOutcomeInput, 'campaignId' | 'personId' | 'registrationId'>) => {
    if (!person) return;
    try {
      const h = await call(api.donationDay.record({ campaignId, personId: person.personId, registrationId: person.registrationId, ...input }));
      setLast(`${h.fullName}: ${outcomeLabel(h)}${h.certificateSerial ? `, GCN số ${h.certificateSerial}` : ''}.`);
      setHits((xs) => xs.map((x) => (x.personId === h.personId ? h : x)));
      setQ('');
      back();
      onChanged();
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const onSearchKey = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown') setActive((a) => Math.min(a + 1, hits.length - 1));
    else if (e.key === 'ArrowUp') setActive((a) => Math.max(a - 1, 0));
    else if (e.key === 'Enter') open(hits[active]);
    else if (e.key === 'Escape') setQ('');
    else return;
    e.preventDefault();
  };
  const onPanelKey = (e: KeyboardEvent) => {
    if (step.kind !== 'choose') {
      if (e.key === 'Escape') { setStep({ kind: 'choose' }); e.preventDefault(); }
      return;
    }
    const k = e.key.toLowerCase();
    if (k === 'escape') back();
    else if (k === 'd') void record({ outcome: 'came' });
    else if (k === '1' || k === '2' || k === '3') setStep({ kind: 'serial', volume: ([250, 350, 450] as const)[Number(k) - 1] });
    else if (k === 'h') setStep({ kind: 'defer' });
    else if (k === 'x') void record({ outcome: 'clear' });
    else return;
    e.preventDefault();
  };

  return (
    <div className="dd-layout">
      <div>
        <input
          ref={searchRef}
          className="dd-search"
          autoFocus
          aria-label="Tìm người đăng ký"
          placeholder="Gõ vài chữ của tên, số điện thoại hoặc CCCD…"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          onKeyDown={onSearchKey}
        />
        <div className="muted" style={{ fontSize: 12, marginTop: 4 }}>
          {q.trim() ? `${total.toLocaleString('vi-VN')} người khớp` : 'Không cần gõ dấu. ↑/↓ để chọn, Enter để mở.'}
        </div>
        {hits.length > 0 && (
          <ul className="dd-results" role="listbox" aria-label="Kết quả tìm kiếm">
            {hits.map((h, i) => (
              <li key={h.personId} role="option" aria-selected={i === active} className={i === active ? 'active' : ''} onMouseEnter={() => setActive(i)} onClick={() => open(h)}>
                <PersonLine h={h} today={today} />
                <span className={`dd-status ${h.outcome ?? ''}`}>{outcomeLabel(h)}</span>
              </li>
            ))}
          </ul>
        )}
        {last && <div className="banner banner-ok" role="status" style={{ marginTop: 10 }}>Đã ghi — {last}</div>}
      </div>
      <div>
        {error && <div className="banner banner-error" role="alert"><span>{error}</span><button className="link" onClick={() => setError(null)}>Đóng</button></div>}
        {person ? (
          <div className="card" ref={panelRef} tabIndex={-1} onKeyDown={onPanelKey} aria-label={`Ghi kết quả cho ${person.fullName}`}>
            <PersonLine h={person} today={today} />
            <div className="muted" style={{ marginTop: 6 }}>Hiện tại: {outcomeLabel(person)}{person.certificateSerial ? ` · GCN ${person.certificateSerial}` : ''}</div>
            {step.kind === 'choose' && (
              <div className="dd-keys">
                <button onClick={() => void record({ outcome: 'came' })}><kbd>D</kbd>Đã đến</button>
                <button onClick={() => setStep({ kind: 'serial', volume: 250 })}><kbd>1</kbd>Hiến 250 ml</button>
                <button onClick={() => setStep({ kind: 'serial', volume: 350 })}><kbd>2</kbd>Hiến 350 ml</button>
                <button onClick={() => setStep({ kind: 'serial', volume: 450 })}><kbd>3</kbd>Hiến 450 ml</button>
                <button onClick={() => setStep({ kind: 'defer' })}><kbd>H</kbd>Hoãn hiến</button>
                <button onClick={() => void record({ outcome: 'clear' })}><kbd>X</kbd>Xoá kết quả</button>
              </div>
            )}
            {step.kind === 'serial' && (
              <form onSubmit={(e) => { e.preventDefault(); void record({ outcome: 'donated', volumeMl: step.volume, certificateSerial: serial.trim() || null }); }}>
                <p>Hiến <strong>{step.volume} ml</strong>. Số giấy chứng nhận đã phát (có thể để trống):</p>
                <input ref={inputRef} aria-label="Số giấy chứng nhận" value={serial} onChange={(e) => setSerial(e.target.value)} />
                <div className="form-actions"><button type="button" onClick={() => setStep({ kind: 'choose' })}>Quay lại (Esc)</button><button type="submit" className="primary">Ghi (Enter)</button></div>
              </form>
            )}
            {step.kind === 'defer' && (
              <form onSubmit={(e) => { e.preventDefault(); if (reason.trim()) void record({ outcome: 'deferred', reason: reason.trim() }); }}>
                <p>Lý do hoãn hiến:</p>
                <input ref={inputRef} aria-label="Lý do hoãn hiến" list="dd-reasons" value={reason} onChange={(e) => setReason(e.target.value)} />
                <datalist id="dd-reasons">{REASONS.map((r) => <option key={r} value={r} />)}</datalist>
                <div className="form-actions"><button type="button" onClick={() => setStep({ kind: 'choose' })}>Quay lại (Esc)</button><button type="submit" className="primary" disabled={!reason.trim()}>Ghi hoãn (Enter)</button></div>
              </form>
            )}
            <div className="dd-help"><kbd>Esc</kbd>quay lại ô tìm kiếm</div>
          </div>
        ) : (
          <div className="card muted">
            Chọn một người trong kết quả tìm kiếm để ghi: đã đến, đã hiến (250/350/450 ml) kèm số giấy chứng nhận, hoặc hoãn hiến kèm lý do.
            <div className="dd-help"><kbd>↑</kbd><kbd>↓</kbd>chọn · <kbd>Enter</kbd>mở · <kbd>D</kbd>đã đến · <kbd>1</kbd><kbd>2</kbd><kbd>3</kbd>hiến 250/350/450 ml · <kbd>H</kbd>hoãn · <kbd>Esc</kbd>quay lại · <kbd>Alt+N</kbd>người hiến tại chỗ</div>
          </div>
        )}
      </div>
    </div>
  );
}
