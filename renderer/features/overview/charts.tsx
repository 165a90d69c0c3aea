import { formatDate, formatNumber } from '../../components/format';

export interface Bar {
  label: string;
  value: number;
  target: number | null;
}

/** One horizontal bar per unit: the achieved figure in red over its quota in grey, with the % at the end. */
export function QuotaBars({ bars, title }: { bars: Bar[]; title: string }) {
  const rowH = 24;
  const labelW = 190;
  const chartW = 260;
  const max = Math.max(1, ...bars.map((b) => Math.max(b.value, b.target ?? 0)));
  const h = bars.length * rowH + 30;
  const x = (v: number) => (v / max) * chartW;
  return (
    <svg className="chart" role="img" aria-label={title} viewBox={`0 0 ${labelW + chartW + 110} ${h}`} width={labelW + chartW + 110} height={h} style={{ maxWidth: '100%', height: 'auto' }}>
      <title>{title}</title>
      {bars.map((b, i) => {
        const y = i * rowH + 4;
        const pct = b.target ? Math.round((b.value / b.target) * 100) : null;
        return (
          <g key={i}>
            <text x={labelW - 6} y={y + 14} textAnchor="end" fontSize="12" fill="#1f2328">{b.label.length > 28 ? b.label.slice(0, 27) + '…' : b.label}</text>
            {b.target !== null && <rect x={labelW} y={y + 2} width={x(b.target)} height={rowH - 8} fill="#e3e6ea" />}
            <rect x={labelW} y={y + 5} width={x(b.value)} height={rowH - 14} fill={pct !== null && pct >= 100 ? '#1a7f37' : '#c8102e'} />
            <text x={labelW + Math.max(x(b.value), b.target !== null ? x(b.target) : 0) + 6} y={y + 14} fontSize="11" fill="#5f6670">
              {formatNumber(b.value)}{b.target !== null ? `/${formatNumber(b.target)}` : ''}{pct !== null ? ` (${pct}%)` : ''}
            </text>
          </g>
        );
      })}
      <g fontSize="11" fill="#5f6670">
        <rect x={labelW} y={h - 18} width="12" height="8" fill="#c8102e" /><text x={labelW + 16} y={h - 10}>Đạt được</text>
        <rect x={labelW + 90} y={h - 18} width="12" height="8" fill="#e3e6ea" /><text x={labelW + 106} y={h - 10}>Chỉ tiêu</text>
      </g>
    </svg>
  );
}

/** Registrations received over time, cumulative, with the campaign target as a dashed line. */
export function CumulativeLine({ days, target, title }: { days: { date: string; count: number }[]; target: number | null; title: string }) {
  const W = 640;
  const H = 220;
  const pad = { l: 48, r: 16, t: 12, b: 34 };
  let acc = 0;
  const points = days.map((d) => ({ date: d.date, total: (acc += d.count) }));
  if (points.length === 0) return <p className="muted">Chưa có đăng ký nào để vẽ tiến độ theo ngày.</p>;
  const max = Math.max(1, acc, target ?? 0);
  const x = (i: number) => pad.l + (points.length === 1 ? (W - pad.l - pad.r) / 2 : (i / (points.length - 1)) * (W - pad.l - pad.r));
  const y = (v: number) => H - pad.b - (v / max) * (H - pad.t - pad.b);
  const path = points.map((p, i) => `${i ? 'L' : 'M'}${x(i).toFixed(1)},${y(p.total).toFixed(1)}`).join(' ');
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => Math.round(max * f));
  const every = Math.max(1, Math.ceil(points.length / 8));
  return (
    <svg className="chart" role="img" aria-label={title} viewBox={`0 0 ${W} ${H}`} width="100%" style={{ maxWidth: W }}>
      <title>{title}</title>
      {ticks.map((t) => (
        <g key={t}>
          <line x1={pad.l} x2={W - pad.r} y1={y(t)} y2={y(t)} stroke="#eceef1" />
          <text x={pad.l - 6} y={y(t) + 4} textAnchor="end" fontSize="11" fill="#5f6670">{formatNumber(t)}</text>
        </g>
      ))}
      {target !== null && (
        <g>
          <line x1={pad.l} x2={W - pad.r} y1={y(target)} y2={y(target)} stroke="#9b0c23" strokeDasharray="5 4" />
          <text x={W - pad.r} y={y(target) - 4} textAnchor="end" fontSize="11" fill="#9b0c23">Chỉ tiêu {formatNumber(target)}</text>
        </g>
      )}
      <path d={`${path} L${x(points.length - 1)},${y(0)} L${x(0)},${y(0)} Z`} fill="#fdecee" />
      <path d={path} fill="none" stroke="#c8102e" strokeWidth="2" />
      {points.map((p, i) => (
        <g key={p.date}>
          <circle cx={x(i)} cy={y(p.total)} r="3" fill="#c8102e"><title>{`${formatDate(p.date)}: ${formatNumber(p.total)}`}</title></circle>
          {i % every === 0 && <text x={x(i)} y={H - pad.b + 16} textAnchor="middle" fontSize="11" fill="#5f6670">{formatDate(p.date).slice(0, 5)}</text>}
        </g>
      ))}
    </svg>
  );
}
