import { useState } from 'react';
import type { ImportPreview } from '../../../shared/ipc/channels/imports';
import { LEDGER_KINDS, LEDGER_KIND_LABELS, type LedgerKind } from '../../../shared/domain/import/types';

/** "45 người, 3 dòng tiêu đề trên bảng, 1 dòng tổng cộng…": every source row of the file by kind. */
export function ledgerSummary(counts: Record<string, number> | undefined): string {
  if (!counts) return '';
  return LEDGER_KINDS.filter((k) => counts[k]).map((k) => `${counts[k].toLocaleString('vi-VN')} ${LEDGER_KIND_LABELS[k]}`).join(', ');
}

/** Kinds the clerk may turn back into a person (a blank row holds nothing; a skipped sheet has no columns). */
const RESTORABLE = new Set<LedgerKind>(['title', 'header', 'repeated_header', 'stt_only', 'section', 'footer', 'total']);

/**
 * The row ledger: counts per kind for the file, warnings for ignored rows that carry identity, and on
 * request every row that is not imported, with its reason and a button to import it as a person.
 */
export function LedgerPanel({ preview, busy, onRestore }: { preview: ImportPreview; busy: boolean; onRestore(sheet: string, row: number): void }) {
  const [open, setOpen] = useState(false);
  const [showBlank, setShowBlank] = useState(false);
  const warnings = preview.ledgerWarnings ?? [];
  const sheets = preview.sheets.filter((s) => s.ledger && s.ledger.entries.length > 0);
  const ignoredCount = sheets.reduce((n, s) => n + s.ledger!.entries.filter((e) => e.kind !== 'blank' && e.kind !== 'error').length, 0);
  return (
    <div className="ledger" aria-label="Các dòng của tệp">
      <p>
        <strong>Các dòng của tệp:</strong> {ledgerSummary(preview.ledgerCounts) || 'không có dòng nào'}.{' '}
        {ignoredCount > 0 && (
          <button className="link" onClick={() => setOpen(!open)}>{open ? 'Ẩn các dòng không nhập' : `Xem ${ignoredCount.toLocaleString('vi-VN')} dòng không nhập`}</button>
        )}
      </p>
      {warnings.length > 0 && (
        <div className="banner banner-warn" role="alert">
          <div>
            <strong>Dòng có thông tin cá nhân nhưng không được nhập — hãy xem lại:</strong>
            <ul>{warnings.slice(0, 20).map((w, i) => <li key={i}>{w.sheet ? `Trang “${w.sheet}”: ` : ''}{w.message}</li>)}</ul>
            {warnings.length > 20 && <p>… và {warnings.length - 20} dòng khác (xem danh sách các dòng không nhập).</p>}
          </div>
        </div>
      )}
      {open && (
        <div>
          <label className="check"><input type="checkbox" checked={showBlank} onChange={(e) => setShowBlank(e.target.checked)} /> Hiện cả dòng trống</label>
          {sheets.map((s) => {
            const entries = s.ledger!.entries.filter((e) => e.kind !== 'error' && (showBlank || e.kind !== 'blank'));
            if (entries.length === 0) return null;
            return (
              <table key={s.sheet} className="table" aria-label={`Các dòng không nhập của trang tính ${s.sheet || 'CSV'}`}>
                <caption>{s.sheet || 'Tệp CSV'}</caption>
                <thead><tr><th>Dòng</th><th>Loại</th><th>Lý do</th><th>Nội dung</th><th></th></tr></thead>
                <tbody>
                  {entries.map((e) => (
                    <tr key={`${e.row}-${e.part ?? 1}`} className={e.warning ? 'sev-warning' : ''}>
                      <td>{e.row}</td>
                      <td>{LEDGER_KIND_LABELS[e.kind]}</td>
                      <td>{e.warning ?? e.reason}</td>
                      <td className="muted">{e.text ?? ''}</td>
                      <td>
                        {RESTORABLE.has(e.kind) && (
                          <button disabled={busy} aria-label={`Nhập dòng ${e.row} như một người`} onClick={() => onRestore(s.sheet, e.row)}>Nhập dòng này</button>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            );
          })}
        </div>
      )}
    </div>
  );
}
