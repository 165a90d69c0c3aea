import { useEffect, useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { DonorSummary } from '../../../shared/ipc/channels/donors';
import { formatDate, formatNumber } from '../../components/format';

const ROW = 36;

/** The registry as one long virtualised list: only the visible rows exist in the page. */
export function DonorList({ total, itemAt, ensure, selectedId, onOpen, resetKey }: { resetKey: string; total: number; itemAt(i: number): DonorSummary | undefined; ensure(from: number, to: number): void; selectedId: number | null; onOpen(id: number): void }) {
  const parentRef = useRef<HTMLDivElement>(null);
  const v = useVirtualizer({ count: total, getScrollElement: () => parentRef.current, estimateSize: () => ROW, overscan: 12 });
  const items = v.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  useEffect(() => {
    if (total > 0) ensure(first, last);
  }, [first, last, total, ensure]);
  // A new search or filter starts at the top of the list.
  useEffect(() => {
    if (parentRef.current) parentRef.current.scrollTop = 0;
  }, [resetKey]);
  return (
    <div className="dn-list" role="table" aria-label="Danh sách người hiến máu" aria-rowcount={total}>
      <div className="dn-row dn-head" role="row">
        <span role="columnheader">Họ và tên</span><span role="columnheader">Năm sinh</span><span role="columnheader">Nhóm máu</span>
        <span role="columnheader">Đơn vị</span><span role="columnheader" className="num">Số lần</span><span role="columnheader">Lần gần nhất</span><span role="columnheader">Điện thoại</span>
      </div>
      <div ref={parentRef} className="dn-scroll">
        <div style={{ height: v.getTotalSize(), position: 'relative' }}>
          {items.map((it) => {
            const p = itemAt(it.index);
            return (
              <div
                key={it.key}
                role="row"
                aria-rowindex={it.index + 1}
                className={`dn-row${p && p.id === selectedId ? ' selected' : ''}`}
                style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW, transform: `translateY(${it.start}px)` }}
                onClick={() => p && onOpen(p.id)}
                onKeyDown={(e) => e.key === 'Enter' && p && onOpen(p.id)}
                tabIndex={p ? 0 : -1}
              >
                {p ? (
                  <>
                    <span role="cell"><strong>{p.fullName}</strong>{p.reserve && <span className="dn-tag">Dự bị</span>}</span>
                    <span role="cell">{formatDate(p.birthDate).slice(-4)}</span>
                    <span role="cell">{p.bloodGroup}</span>
                    <span role="cell" className="dn-ellipsis">{p.unitName}</span>
                    <span role="cell" className="num">{formatNumber(p.donationCount)}</span>
                    <span role="cell">{formatDate(p.lastDonation)}</span>
                    <span role="cell">{p.phone}</span>
                  </>
                ) : (
                  <span role="cell" className="muted">Đang tải…</span>
                )}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
