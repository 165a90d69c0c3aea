import { useState } from 'react';
import { api, call } from '../../api';
import { useAction, useLoad } from '../../components/hooks';
import { ErrorBanner, Field, Notice, ProgressBar } from '../../components/ui';
import { CERTIFICATE_FIELDS, type CertificateFieldName, type CertificateLayout } from '../../../shared/ipc/channels/documents';
import type { Campaign } from '../../../shared/ipc/channels/campaigns';
import { PreviewPane } from './PreviewPane';
import { useGenerate } from './useGenerate';

const num = (v: string) => (v.trim() === '' ? 0 : Number(v.replace(',', '.')));

/** Field positions (mm) on the pre-printed certificate form, saved per printer, with a calibration page. */
export function LayoutPanel({ campaign }: { campaign: Campaign }) {
  const printers = useLoad(() => api.documents.printers({}), []);
  const [printerName, setPrinterName] = useState('Mặc định');
  const loaded = useLoad(() => api.documents.certificateLayout({ printerName: printerName.trim() || 'Mặc định' }), [printerName]);
  const gen = useGenerate();
  return (
    <div className="row" style={{ alignItems: 'flex-start', gap: 16 }}>
      <div className="card" style={{ flex: '0 0 520px' }}>
        <div className="form-grid">
          <Field label="Máy in">
            <input list="layout-printers" value={printerName} onChange={(e) => setPrinterName(e.target.value)} />
            <datalist id="layout-printers">{(printers.data ?? []).map((p) => <option key={p} value={p} />)}</datalist>
          </Field>
        </div>
        {/* The fields are made from the printer's saved positions once they have arrived, anew for another
            printer: a load that arrives late never overwrites what the clerk has typed since. */}
        {loaded.loading || !loaded.data ? (
          loaded.error ? <ErrorBanner message={loaded.error} /> : <p className="muted">Đang tải vị trí in của máy in…</p>
        ) : (
          <LayoutFields key={printerName} campaign={campaign} printerName={printerName} initial={loaded.data} gen={gen} onSaved={printers.reload} />
        )}
      </div>
      <div style={{ flex: 1, minWidth: 0 }}><PreviewPane doc={gen.doc} /></div>
    </div>
  );
}

function LayoutFields({ campaign, printerName, initial, gen, onSaved }: { campaign: Campaign; printerName: string; initial: CertificateLayout; gen: ReturnType<typeof useGenerate>; onSaved: () => void }) {
  const [layout, setLayout] = useState<CertificateLayout>(initial);
  const [saved, setSaved] = useState<string | null>(null);
  const action = useAction();

  const setField = (name: CertificateFieldName, key: 'x' | 'y' | 'size' | 'width', value: string) =>
    setLayout({ ...layout, fields: { ...layout.fields, [name]: { ...layout.fields[name], [key]: num(value) } } });
  const save = () =>
    action.run(async () => {
      await call(api.documents.saveCertificateLayout({ printerName: printerName.trim() || 'Mặc định', layout }));
      setSaved(`Đã lưu vị trí in cho máy in “${printerName}”.`);
      onSaved();
    });

  return (
    <>
      <div className="form-grid">
        <Field label="Khổ giấy">
          <select value={`${layout.pageSize}-${layout.orientation}`} onChange={(e) => {
            const [pageSize, orientation] = e.target.value.split('-') as [CertificateLayout['pageSize'], CertificateLayout['orientation']];
            setLayout({ ...layout, pageSize, orientation });
          }}>
            <option value="A5-landscape">A5 ngang</option>
            <option value="A5-portrait">A5 dọc</option>
            <option value="A4-landscape">A4 ngang</option>
            <option value="A4-portrait">A4 dọc</option>
          </select>
        </Field>
        <Field label="Lệch cả trang sang phải (mm)"><input type="number" step="0.5" value={layout.offsetX} onChange={(e) => setLayout({ ...layout, offsetX: num(e.target.value) })} /></Field>
        <Field label="Lệch cả trang xuống dưới (mm)"><input type="number" step="0.5" value={layout.offsetY} onChange={(e) => setLayout({ ...layout, offsetY: num(e.target.value) })} /></Field>
      </div>
      <table className="table">
        <thead><tr><th>Trường</th><th>X (mm)</th><th>Y (mm)</th><th>Cỡ chữ</th><th>Rộng (mm)</th></tr></thead>
        <tbody>
          {(Object.keys(CERTIFICATE_FIELDS) as CertificateFieldName[]).map((name) => (
            <tr key={name}>
              <td>{CERTIFICATE_FIELDS[name]}</td>
              {(['x', 'y', 'size', 'width'] as const).map((k) => (
                <td key={k}><input aria-label={`${CERTIFICATE_FIELDS[name]} ${k}`} type="number" step="0.5" style={{ width: 70 }} value={layout.fields[name][k]} onChange={(e) => setField(name, k, e.target.value)} /></td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <div className="form-actions">
        <button className="primary" disabled={action.busy} onClick={save}>Lưu vị trí</button>
        <button disabled={gen.running} onClick={async () => { await save(); await gen.start({ campaignId: campaign.id, type: 'calibration', printerName }); }}>
          Lưu và in trang căn chỉnh
        </button>
      </div>
      <p className="muted">In trang căn chỉnh lên giấy trắng, đặt chồng lên phôi và soi đèn: chỉnh X/Y cho khung đỏ trùng ô cần điền, rồi in lại.</p>
      <Notice message={saved} />
      <ErrorBanner message={action.error ?? gen.error} />
      <ProgressBar status={gen.status} onCancel={gen.cancel} />
    </>
  );
}
