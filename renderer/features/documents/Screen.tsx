import { useState } from 'react';
import { EmptyState, PageHeader } from '../../components/ui';
import { useCampaign } from '../../app/campaign-context';
import { GeneratePanel } from './GeneratePanel';
import { LayoutPanel } from './LayoutPanel';
import { SerialsPanel } from './SerialsPanel';
import { TemplatesPanel } from './TemplatesPanel';

type Tab = 'docs' | 'layout' | 'serials' | 'templates';
const TABS: [Tab, string][] = [['docs', 'Văn bản'], ['layout', 'Vị trí in phôi'], ['serials', 'Sổ số phôi'], ['templates', 'Mẫu văn bản']];

/** "In ấn": the documents of the current campaign per Nghị định 30/2020, previewed then printed or saved. */
export function DocumentsScreen() {
  const { current } = useCampaign();
  const [tab, setTab] = useState<Tab>('docs');
  return (
    <section>
      <PageHeader title="In ấn" subtitle={current ? `Văn bản của đợt: ${current.name}` : undefined} />
      {!current ? (
        <EmptyState title="Chưa có đợt hiến máu" action={<a className="button" href="#/dot-hien-mau">Tạo đợt hiến máu</a>}>
          Lập kế hoạch, giấy mời, giấy chứng nhận, danh sách ký nhận, báo cáo kết quả theo Nghị định 30/2020 từ dữ liệu của đợt.
        </EmptyState>
      ) : (
        <>
          <div className="tabs" role="tablist">
            {TABS.map(([k, label]) => (
              <button key={k} role="tab" aria-selected={tab === k} className={tab === k ? 'active' : ''} onClick={() => setTab(k)}>{label}</button>
            ))}
          </div>
          {tab === 'docs' && <GeneratePanel campaign={current} />}
          {tab === 'layout' && <LayoutPanel campaign={current} />}
          {tab === 'serials' && <SerialsPanel campaign={current} printerName="Mặc định" />}
          {tab === 'templates' && <TemplatesPanel />}
        </>
      )}
    </section>
  );
}
