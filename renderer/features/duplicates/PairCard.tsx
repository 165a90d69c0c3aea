import { useState } from 'react';
import type { Candidate, MergeField } from '../../../shared/ipc/channels/duplicates';
import { proposeMergeValue, type MergeProposal } from '../../../shared/domain/matching/merge-defaults';
import { COMPARED, scoreText, sourceText, verdictClass } from './labels';

export interface MergeChoice {
  choices: Partial<Record<MergeField, 'survivor' | 'merged'>>;
  creditedRegistrationId: number | null;
}

/** One candidate pair side by side: sources, agreeing/disagreeing fields, reasons, and the decision buttons. */
export function PairCard({ c, busy, onMerge, onNotSame, onDefer }: {
  c: Candidate;
  busy: boolean;
  onMerge(choice: MergeChoice): void;
  onNotSame(): void;
  onDefer(): void;
}) {
  // the person registered first (lower id) survives; per field the better value is proposed (the
  // spelling more rows agree on, full diacritics, a real Vietnamese syllable…) and the clerk may change it
  const [proposals] = useState(() => {
    const support = { survivor: Math.max(1, c.a.registrations.length), merged: Math.max(1, c.b.registrations.length) };
    const out: Partial<Record<MergeField, MergeProposal>> = {};
    for (const row of COMPARED) out[row.field] = proposeMergeValue(row.field, c.a[row.field], c.b[row.field], support);
    return out;
  });
  const [choices, setChoices] = useState<MergeChoice['choices']>(() => {
    const init: MergeChoice['choices'] = {};
    for (const row of COMPARED) init[row.field] = proposals[row.field]?.choice ?? 'survivor';
    return init;
  });
  const differing = COMPARED.filter((row) => proposals[row.field]?.differs && (row.show(c.a) || row.show(c.b))).length;
  const campaignRegs = [...c.a.registrations, ...c.b.registrations].filter((r) => r.inCampaign);
  // null = by the office's rule (the list with the earliest date of its own, or both units); a click is the clerk's own choice
  const [credited, setCredited] = useState<number | null>(null);
  const pick = (field: MergeField, side: 'survivor' | 'merged') => setChoices((s) => ({ ...s, [field]: side }));

  return (
    <article className="card" aria-label={`Cặp nghi trùng ${c.a.fullName} và ${c.b.fullName}`} style={{ marginBottom: 14 }}>
      <header className="page-header" style={{ marginBottom: 8 }}>
        <div>
          <h2 style={{ margin: 0 }}>{c.a.fullName} ⇄ {c.b.fullName}</h2>
          <p className="muted" style={{ margin: '4px 0 0' }}>
            <strong>{scoreText(c.score)}</strong> · {c.reasons.join('; ')}
            {c.fromRegistry && ' · người đã có trong sổ từ đợt trước'}
            {c.deferred && ' · đã để sau'}
          </p>
        </div>
      </header>
      <table className="table">
        <thead>
          <tr><th>Thông tin</th><th>Người thứ nhất (#{c.a.id})</th><th>Người thứ hai (#{c.b.id})</th></tr>
        </thead>
        <tbody>
          {COMPARED.map((row) => {
            const va = row.show(c.a);
            const vb = row.show(c.b);
            if (!va && !vb) return null;
            const prop = proposals[row.field];
            // every difference is marked (one side empty included): green only where both write the same thing
            const verdict = row.verdict ? verdictClass(c.fields[row.verdict]) : '';
            const cls = !prop?.differs ? 'agree' : verdict === 'disagree' ? 'disagree' : 'differ';
            const side = choices[row.field] ?? 'survivor';
            return (
              <tr key={row.field} className={cls}>
                <th scope="row">
                  {row.label}
                  {prop?.differs && <span className="diff-note">{va && vb ? 'khác nhau' : 'một bên trống'}</span>}
                </th>
                {(['survivor', 'merged'] as const).map((s) => (
                  <td key={s}>
                    <label className="check">
                      <input type="radio" name={`${c.key}-${row.field}`} checked={side === s} disabled={busy} onChange={() => pick(row.field, s)} aria-label={`Giữ ${row.label.toLowerCase()} của người ${s === 'survivor' ? 'thứ nhất' : 'thứ hai'}`} />
                      {(s === 'survivor' ? va : vb) || <span className="muted">(trống)</span>}
                      {prop?.differs && prop.choice === s && (
                        <span className="proposed-tag" title={prop.reason ? `Đề xuất: ${prop.reason}` : 'Đề xuất giữ giá trị của người thứ nhất'}>
                          Đề xuất{prop.reason ? `: ${prop.reason}` : ''}
                        </span>
                      )}
                    </label>
                  </td>
                ))}
              </tr>
            );
          })}
          <tr>
            <th scope="row">Đăng ký</th>
            {[c.a, c.b].map((p) => (
              <td key={p.id}>
                {p.registrations.map((r) => (
                  <div key={r.id}>
                    {r.inCampaign ? (
                      <label className="check" title="Đơn vị được tính chỉ tiêu">
                        <input type="radio" name={`${c.key}-credit`} checked={credited === r.id} disabled={busy} onChange={() => setCredited(r.id)} aria-label={`Tính chỉ tiêu cho ${r.unitName ?? 'đơn vị này'}`} />
                        {sourceText(r)}
                      </label>
                    ) : (
                      <span className="muted">{sourceText(r)}</span>
                    )}
                  </div>
                ))}
                {p.donations > 0 && <div className="muted">Đã hiến {p.donations} lần</div>}
              </td>
            ))}
          </tr>
        </tbody>
      </table>
      {differing > 0 && <p className="muted" style={{ fontSize: 13 }}>{differing} dòng khác nhau (tô vàng hoặc đỏ); giá trị có nhãn “Đề xuất” được chọn sẵn.</p>}
      {campaignRegs.length > 1 && credited === null && <p className="muted" style={{ fontSize: 13 }}>Đơn vị được tính chỉ tiêu: theo quy tắc đang dùng (chọn một dòng đăng ký ở trên để tự quyết định).</p>}
      <p className="muted" style={{ fontSize: 13 }}>Chọn giá trị giữ lại cho từng dòng và đơn vị được tính chỉ tiêu, rồi bấm “Gộp”. Cả hai dòng đăng ký vẫn giữ nguồn tệp/dòng; có thể hoàn tác.</p>
      <div className="row-actions">
        <button className="primary" disabled={busy} onClick={() => onMerge({ choices, creditedRegistrationId: credited })}>Gộp thành một người</button>
        <button disabled={busy} onClick={onNotSame}>Không phải cùng một người</button>
        {!c.deferred && <button disabled={busy} onClick={onDefer}>Để sau</button>}
      </div>
    </article>
  );
}
