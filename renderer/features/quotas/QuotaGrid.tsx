import { useRef, type ClipboardEvent, type KeyboardEvent } from 'react';
import { formatNumber } from '../../components/format';
import { cellKey, parseCell, unitTotal, type Draft, type GridColumn } from './grid-model';

interface Props {
  units: { id: number; name: string }[];
  cols: GridColumn[];
  months: number[];
  draft: Draft;
  target: { registrants: number | null; bloodUnits: number | null };
  onChange(key: string, value: string): void;
  onPaste(text: string, row: number, col: number): void;
}

/** The allocation table edited like a spreadsheet: arrows/Enter move between cells, Excel paste fills a block. */
export function QuotaGrid({ units, cols, months, draft, target, onChange, onPaste }: Props) {
  const ref = useRef<HTMLTableElement>(null);
  const focus = (r: number, c: number) => {
    const el = ref.current?.querySelector<HTMLInputElement>(`input[data-r="${r}"][data-c="${c}"]`);
    if (el) {
      el.focus();
      el.select();
    }
  };
  const onKey = (e: KeyboardEvent<HTMLInputElement>, r: number, c: number) => {
    const el = e.currentTarget;
    const atStart = el.selectionStart === 0 && el.selectionEnd === 0;
    const atEnd = el.selectionStart === el.value.length;
    const whole = el.selectionStart === 0 && el.selectionEnd === el.value.length;
    if (e.key === 'ArrowDown' || (e.key === 'Enter' && !e.shiftKey)) focus(Math.min(r + 1, units.length - 1), c);
    else if (e.key === 'ArrowUp' || (e.key === 'Enter' && e.shiftKey)) focus(Math.max(r - 1, 0), c);
    else if (e.key === 'ArrowRight' && (atEnd || whole)) focus(r, Math.min(c + 1, cols.length - 1));
    else if (e.key === 'ArrowLeft' && (atStart || whole)) focus(r, Math.max(c - 1, 0));
    else return;
    e.preventDefault();
  };
  const paste = (e: ClipboardEvent<HTMLInputElement>, r: number, c: number) => {
    const text = e.clipboardData.getData('text/plain');
    if (!/[\t\n]/.test(text.trim())) return; // a single value: let the input take it
    e.preventDefault();
    onPaste(text, r, c);
  };
  // A column nobody filled (the whole-campaign registrants of a monthly table) totals to nothing, not to a misleading 0.
  const colTotal = (c: GridColumn) => (units.some((u) => (draft.get(cellKey(u.id, c)) ?? '').trim() !== '') ? units.reduce((a, u) => a + (parseCell(draft.get(cellKey(u.id, c))) || 0), 0) : null);
  const total = (f: 'registrants' | 'bloodUnits') => units.reduce((a, u) => a + unitTotal(draft, u.id, f, months), 0);
  const diff = (f: 'registrants' | 'bloodUnits') => {
    const t = target[f];
    if (t === null) return null;
    const d = total(f) - t;
    return <span className={d === 0 ? 'q-ok' : 'q-off'}>{d === 0 ? 'khớp chỉ tiêu' : d > 0 ? `thừa ${formatNumber(d)}` : `thiếu ${formatNumber(-d)}`}</span>;
  };
  return (
    <div style={{ overflow: 'auto', maxHeight: '65vh' }}>
      <table className="table q-grid" ref={ref} aria-label="Bảng phân bổ chỉ tiêu">
        <thead>
          <tr><th>Đơn vị</th>{cols.map((c) => <th key={`${c.month}-${c.field}`} className="num">{c.title}</th>)}<th className="num">Cộng ĐK</th><th className="num">Cộng máu</th></tr>
        </thead>
        <tbody>
          {units.map((u, r) => (
            <tr key={u.id}>
              <td>{u.name}</td>
              {cols.map((c, ci) => {
                const k = cellKey(u.id, c);
                const v = draft.get(k) ?? '';
                const bad = Number.isNaN(parseCell(v));
                return (
                  <td key={k} className={`num${bad ? ' sev-error' : ''}`}>
                    <input
                      data-r={r}
                      data-c={ci}
                      aria-label={`${u.name} — ${c.title}`}
                      inputMode="numeric"
                      value={v}
                      onChange={(e) => onChange(k, e.target.value)}
                      onKeyDown={(e) => onKey(e, r, ci)}
                      onPaste={(e) => paste(e, r, ci)}
                      onFocus={(e) => e.currentTarget.select()}
                    />
                  </td>
                );
              })}
              <td className="num muted">{formatNumber(unitTotal(draft, u.id, 'registrants', months))}</td>
              <td className="num muted">{formatNumber(unitTotal(draft, u.id, 'bloodUnits', months))}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr style={{ fontWeight: 700 }}>
            <td>Cộng</td>
            {cols.map((c) => <td key={`t-${c.month}-${c.field}`} className="num">{formatNumber(colTotal(c))}</td>)}
            <td className="num" data-testid="total-registrants">{formatNumber(total('registrants'))}</td>
            <td className="num" data-testid="total-blood">{formatNumber(total('bloodUnits'))}</td>
          </tr>
          <tr>
            <td>So với chỉ tiêu của đợt</td>
            <td colSpan={cols.length} className="muted">Người đăng ký: {target.registrants === null ? 'chưa đặt' : formatNumber(target.registrants)} · Đơn vị máu: {target.bloodUnits === null ? 'chưa đặt' : formatNumber(target.bloodUnits)}</td>
            <td className="num">{diff('registrants')}</td>
            <td className="num">{diff('bloodUnits')}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
