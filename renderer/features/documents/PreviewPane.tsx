import { useEffect, useRef, useState } from 'react';
import type { GeneratedDocument } from '../../../shared/ipc/channels/documents';
import { downloadToBlob, recordExport, saveDownload } from '../../components/files';

/** The generated file: a PDF shown inside the app (iframe of a blob: URL), then saved or printed. */
export function PreviewPane({ doc }: { doc: GeneratedDocument | null }) {
  const [url, setUrl] = useState<string | null>(null);
  const frame = useRef<HTMLIFrameElement>(null);
  useEffect(() => {
    if (!doc || doc.file.mime !== 'application/pdf') {
      setUrl(null);
      return;
    }
    const u = URL.createObjectURL(downloadToBlob(doc.file));
    setUrl(u);
    return () => URL.revokeObjectURL(u);
  }, [doc]);
  if (!doc) return <div className="empty-state muted">Bản xem trước sẽ hiện ở đây.</div>;
  return (
    <div className="card" aria-label="Bản xem trước">
      <div className="toolbar">
        <strong>{doc.file.name}</strong>
        {doc.pages > 0 && <span className="muted">{doc.pages} trang</span>}
        {doc.numberText && <span>Số: {doc.numberText}</span>}
        {doc.serials.length > 0 && <span>Số phôi {doc.serials[0]} – {doc.serials[doc.serials.length - 1]}</span>}
        <div className="actions">
          <button onClick={() => saveDownload(doc.file, { log: true })}>{doc.file.mime === 'application/pdf' ? 'Lưu PDF' : 'Lưu tệp Excel'}</button>
          {url && <button onClick={() => { recordExport('print', doc.file); frame.current?.contentWindow?.print(); }}>In…</button>}
        </div>
      </div>
      {doc.warnings.map((w) => <div key={w} className="banner banner-warn" role="status">{w}</div>)}
      {url ? (
        <iframe ref={frame} title="Bản xem trước PDF" src={url} style={{ width: '100%', height: '75vh', border: '1px solid #ccc' }} />
      ) : (
        <p className="muted">Tệp Excel không xem trước được; hãy bấm "Lưu tệp Excel".</p>
      )}
    </div>
  );
}
