import { useEffect, useRef, useState } from 'react';
import type { JobStatusOf } from '../../../shared/ipc/channels/jobs';
import { api, call } from '../../api';
import { useCampaign } from '../../app/campaign-context';
import { useAction, useJob } from '../../components/hooks';
import { readUpload } from '../../components/files';
import { ErrorBanner, Notice, PageHeader, ProgressBar } from '../../components/ui';
import { PreviewPanel } from './PreviewPanel';
import { BatchesPanel } from './BatchesPanel';

interface ParsedFile {
  fileName: string;
  previewId: string | null;
  error: string | null;
  rows: number;
  done?: string;
}

/** Files read but not committed or discarded: leaving the app (reload, close) asks first. */
let pendingFiles = 0;
if (typeof window !== 'undefined') {
  window.addEventListener('beforeunload', (e) => {
    if (pendingFiles > 0) { e.preventDefault(); e.returnValue = ''; }
  });
}

/** "Nhập danh sách": drop the units' files, check each preview, commit, and undo a past import. */
export function ImportsScreen() {
  const { campaigns, current, setCurrentId, reload: reloadCampaigns } = useCampaign();
  const { busy, error, setError, run } = useAction();
  const [jobId, setJobId] = useState<string | null>(null);
  const [files, setFiles] = useState<ParsedFile[]>([]);
  const [selected, setSelected] = useState<number>(0);
  const [notice, setNotice] = useState<string | null>(null);
  const [over, setOver] = useState(false);
  const [batchesTick, setBatchesTick] = useState(0);
  const pickRef = useRef<HTMLInputElement>(null);
  const filesRef = useRef<ParsedFile[]>([]);

  const onJobEnd = (s: JobStatusOf<'imports:parse'>) => {
    setJobId(null);
    if (s.state === 'done') {
      const r = s.result;
      // Files still waiting from an earlier drop stay beside the new ones.
      const waiting = filesRef.current.filter((f) => f.previewId && !f.done);
      setFiles([...waiting, ...r.files]);
      setSelected(waiting.length + Math.max(0, r.files.findIndex((f) => f.previewId)));
      if (!current || current.id !== r.campaignId) { reloadCampaigns(); setCurrentId(r.campaignId); }
    } else if (s.state === 'cancelled') setNotice('Đã huỷ việc đọc tệp. Không có gì được nhập.');
    else if (s.state === 'failed') setError(s.error.message);
  };
  const job = useJob('imports:parse', jobId, onJobEnd);

  // Pending files (read, not yet committed or discarded) come back after a screen change or a reload.
  useEffect(() => {
    void api.imports.pending({}).then((r) => {
      if (!r.ok || r.value.length === 0) return;
      setFiles((fs) => (fs.length ? fs : r.value.map((p) => ({ fileName: p.fileName, previewId: p.previewId, error: null, rows: p.rows }))));
    });
  }, []);
  useEffect(() => {
    filesRef.current = files;
    pendingFiles = files.filter((f) => f.previewId && !f.done).length;
  }, [files]);

  const start = (list: FileList | null) => {
    if (!list || list.length === 0) return;
    void run(async () => {
      setNotice(null);
      setFiles((fs) => fs.filter((f) => f.previewId && !f.done));
      const uploads = await Promise.all([...list].map(readUpload));
      const r = await call(api.imports.parse({ campaignId: current?.id ?? null, files: uploads }));
      setJobId(r.jobId);
    });
  };

  const committed = (index: number, message: string) => {
    setFiles((fs) => fs.map((f, i) => (i === index ? { ...f, done: message } : f)));
    setNotice(message);
    setBatchesTick((t) => t + 1);
    const next = files.findIndex((f, i) => i !== index && f.previewId && !f.done);
    if (next >= 0) setSelected(next);
  };

  const file = files[selected];
  return (
    <section>
      <PageHeader title="Nhập danh sách" subtitle="Kéo thả các tệp Excel/CSV đơn vị gửi đến; kiểm tra từng dòng trước khi ghi." />
      <p className="muted">
        Nhập vào đợt: <strong>{current?.name ?? 'chưa có đợt nào (sẽ tạo một đợt mặc định)'}</strong>
        {campaigns.length > 1 && ' — đổi đợt ở ô “Đợt đang làm việc” phía trên.'}
      </p>
      <div
        className={`dropzone${over ? ' over' : ''}`}
        onDragOver={(e) => { e.preventDefault(); setOver(true); }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => { e.preventDefault(); setOver(false); start(e.dataTransfer.files); }}
      >
        <p>Kéo thả một hoặc nhiều tệp danh sách (.xlsx, .xls, .csv) vào đây</p>
        <button className="primary" disabled={busy || !!jobId} onClick={() => pickRef.current?.click()}>Chọn tệp…</button>
        <input ref={pickRef} type="file" hidden multiple accept=".xlsx,.xls,.csv" aria-label="Tệp danh sách đăng ký" onChange={(e) => { start(e.target.files); e.target.value = ''; }} />
      </div>
      <ProgressBar status={job.status} onCancel={job.cancel} />
      <ErrorBanner message={error} onClose={() => setError(null)} />
      <Notice message={notice} />
      {files.length > 0 && (
        <div className="tabs" role="tablist" aria-label="Các tệp đã đọc">
          {files.map((f, i) => (
            <button key={i} role="tab" aria-selected={i === selected} className={i === selected ? 'active' : ''} onClick={() => setSelected(i)}>
              {f.error ? '⚠ ' : f.done ? '✓ ' : ''}{f.fileName}{f.previewId ? ` (${f.rows})` : ''}
            </button>
          ))}
        </div>
      )}
      {file?.error && <div className="banner banner-error" role="alert">{file.error}</div>}
      {file?.done && <div className="banner banner-ok" role="status">{file.done}</div>}
      {file?.previewId && !file.done && (
        <PreviewPanel key={file.previewId} previewId={file.previewId} onCommitted={(m) => committed(selected, m)} onDiscard={() => committed(selected, `Đã bỏ tệp “${file.fileName}”, không nhập.`)} />
      )}
      <BatchesPanel campaignId={current?.id ?? null} tick={batchesTick} />
    </section>
  );
}
