import { creditRuleSentence } from '../../../shared/domain/credit-rule';
import { useCallback, useEffect, useRef, useState } from 'react';
import { api, call } from '../../api';
import { useCampaign } from '../../app/campaign-context';
import { useAction, useJob, useLoad } from '../../components/hooks';
import { EmptyState, ErrorBanner, Notice, PageHeader, ProgressBar } from '../../components/ui';
import { BulkMergeDialog } from './BulkMergeDialog';
import { FeedbackDialog } from './FeedbackDialog';
import { MergesPanel } from './MergesPanel';
import { PairCard, type MergeChoice } from './PairCard';
import type { Candidate, CreditRule } from '../../../shared/ipc/channels/duplicates';

const PAGE = 20;

/** "Trùng lặp": the queue of candidate pairs by score, decisions, bulk merge, undo and feedback to units. */
export function DuplicatesScreen() {
  const { current } = useCampaign();
  if (!current) {
    return (
      <section>
        <PageHeader title="Trùng lặp" />
        <EmptyState title="Chưa có đợt hiến máu" action={<a className="button" href="#/dot-hien-mau">Tạo đợt hiến máu</a>}>
          Hãy tạo một đợt và nhập danh sách đăng ký; những người đăng ký hai lần sẽ hiện ở đây để so sánh và gộp.
        </EmptyState>
      </section>
    );
  }
  return <DuplicatesForCampaign key={current.id} campaignId={current.id} campaignName={current.name} />;
}

function DuplicatesForCampaign({ campaignId, campaignName }: { campaignId: number; campaignName: string }) {
  const [tab, setTab] = useState<'queue' | 'merges'>('queue');
  const [offset, setOffset] = useState(0);
  const [jobId, setJobId] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [dialog, setDialog] = useState<'bulk' | 'feedback' | null>(null);
  const list = useLoad(() => api.duplicates.list({ campaignId, offset, limit: PAGE }), [campaignId, offset]);
  const rule = useLoad(() => api.duplicates.getCreditRule({}), []);
  // how many pairs a bulk merge would take: the rules' count, fresh whenever the list is
  const bulk = useLoad(
    () => (list.data && list.data.state !== 'not_run' ? api.duplicates.bulkSummary({ campaignId }) : Promise.resolve({ ok: true as const, value: null })),
    [campaignId, list.data],
  );
  const { busy, error, setError, run } = useAction();
  const startMatch = useCallback(() => run(async () => setJobId((await call(api.duplicates.match({ campaignId }))).jobId)), [campaignId, run]);
  const job = useJob('duplicates:match', jobId, (s) => {
    setJobId(null);
    if (s.state === 'done') {
      const r = s.result;
      setNotice(`Đã so sánh ${r.people.toLocaleString('vi-VN')} người: ${r.proposed} cặp nhiều khả năng trùng, ${r.pairs - r.proposed} cặp cần xem thêm.`);
      list.reload();
    } else if (s.state !== 'running') setError(s.error.message);
  });
  // the first visit runs the match once by itself; later runs are the clerk's "Tìm lại trùng lặp"
  const notRun = list.data?.state === 'not_run';
  const autoStarted = useRef(false);
  useEffect(() => {
    if (notRun && !autoStarted.current) {
      autoStarted.current = true;
      void startMatch();
    }
  }, [notRun, startMatch]);

  const after = (msg: string) => {
    setNotice(msg);
    list.reload();
  };
  const merge = (c: Candidate, m: MergeChoice) =>
    run(async () => {
      await call(api.duplicates.merge({ survivorId: c.a.id, mergedId: c.b.id, choices: m.choices, creditedRegistrationId: m.creditedRegistrationId }));
      after(`Đã gộp “${c.b.fullName}” vào “${c.a.fullName}”. Có thể hoàn tác ở thẻ “Đã gộp”.`);
    });
  const decide = (c: Candidate, decision: 'not_same' | 'deferred') =>
    run(async () => {
      await call(api.duplicates.decide({ a: c.a.id, b: c.b.id, decision }));
      after(decision === 'not_same' ? `Đã ghi nhận: “${c.a.fullName}” và “${c.b.fullName}” là hai người khác nhau; cặp này sẽ không được đề xuất lại.` : 'Đã để cặp này lại sau; nó được xếp cuối hàng đợi.');
    });
  const changeRule = (r: CreditRule) =>
    run(async () => {
      await call(api.duplicates.setCreditRule({ rule: r }));
      rule.reload();
      setNotice(`Từ nay: ${creditRuleSentence(r)} Đã áp dụng lại cho những người đã gộp (trừ người đã chọn tay).`);
    });

  const data = list.data;
  return (
    <section>
      <PageHeader
        title="Trùng lặp"
        subtitle={`Người đăng ký hai lần trong đợt “${campaignName}” hoặc đã có trong sổ từ các đợt trước.`}
        actions={
          <>
            <button onClick={() => void startMatch()} disabled={busy || !!jobId}>Tìm lại trùng lặp</button>
            <button onClick={() => setDialog('bulk')} disabled={busy || !bulk.data?.pairs}>Gộp hàng loạt cặp dữ liệu đủ quyết định ({bulk.data?.pairs ?? 0})</button>
            <button onClick={() => setDialog('feedback')} disabled={busy}>Xuất phản hồi cho đơn vị…</button>
          </>
        }
      />
      <ProgressBar status={job.status} onCancel={job.cancel} />
      <ErrorBanner message={error ?? list.error ?? rule.error} onClose={() => setError(null)} />
      <Notice message={notice} />
      {data?.stale && !jobId && (
        <div className="banner banner-warn" role="status">
          <span>Đã có danh sách mới được nhập sau lần tìm trước. Bấm “Tìm lại trùng lặp” để so sánh cả những người mới.</span>
        </div>
      )}
      <div className="toolbar">
        <label className="check">
          Tính chỉ tiêu cho người trùng:
          <select value={rule.data?.rule ?? 'first_list'} onChange={(e) => void changeRule(e.target.value as CreditRule)} disabled={busy} aria-label="Quy tắc tính chỉ tiêu">
            <option value="first_list">đơn vị gửi danh sách trước (theo ngày của danh sách)</option>
            <option value="home_unit">đơn vị nơi cư trú</option>
            <option value="both_units">tính cho cả hai đơn vị</option>
          </select>
        </label>
      </div>
      <div className="tabs" role="tablist">
        <button role="tab" aria-selected={tab === 'queue'} className={tab === 'queue' ? 'active' : ''} onClick={() => setTab('queue')}>Cần xem xét{data?.state === 'ready' ? ` (${data.total})` : ''}</button>
        <button role="tab" aria-selected={tab === 'merges'} className={tab === 'merges' ? 'active' : ''} onClick={() => setTab('merges')}>Đã gộp</button>
      </div>
      {tab === 'merges' ? (
        <MergesPanel campaignId={campaignId} onChanged={after} />
      ) : !data || data.state === 'not_run' ? (
        <p className="muted">Đang chuẩn bị so sánh…</p>
      ) : data.total === 0 ? (
        <EmptyState title="Không còn cặp nào cần xem xét">Không tìm thấy người nào đăng ký hai lần, hoặc bạn đã quyết định hết. Khi nhập thêm danh sách, hãy bấm “Tìm lại trùng lặp”.</EmptyState>
      ) : (
        <>
          <p className="muted">Xếp theo điểm, cao nhất trước. Từ {Math.round(data.threshold * 100)} điểm trở lên là nhiều khả năng cùng một người; thấp hơn là cần bạn xem kỹ.</p>
          {data.items.map((c) => (
            <PairCard key={c.key} c={c} busy={busy} onMerge={(m) => void merge(c, m)} onNotSame={() => void decide(c, 'not_same')} onDefer={() => void decide(c, 'deferred')} />
          ))}
          <div className="toolbar">
            <button disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>← Trang trước</button>
            <span className="muted">{offset + 1}–{Math.min(offset + PAGE, data.total)} / {data.total}</span>
            <button disabled={offset + PAGE >= data.total} onClick={() => setOffset(offset + PAGE)}>Trang sau →</button>
          </div>
        </>
      )}
      {dialog === 'bulk' && <BulkMergeDialog campaignId={campaignId} onClose={() => setDialog(null)} onDone={(m) => { setDialog(null); after(m); }} />}
      {dialog === 'feedback' && <FeedbackDialog campaignId={campaignId} onClose={() => setDialog(null)} />}
    </section>
  );
}
