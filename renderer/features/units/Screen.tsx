import { useState } from 'react';
import { PageHeader } from '../../components/ui';
import { QuotasScreen } from '../quotas/Screen';
import { UnitsPanel } from './UnitsPanel';

/** "Đơn vị & chỉ tiêu": the unit tree, and the quota table of the current campaign. */
export function UnitsQuotasScreen() {
  const [tab, setTab] = useState<'units' | 'quotas'>('units');
  return (
    <section>
      <PageHeader title="Đơn vị & chỉ tiêu" subtitle="Cây đơn vị của cơ quan và chỉ tiêu giao cho từng đơn vị trong đợt." />
      <div className="tabs" role="tablist">
        <button role="tab" aria-selected={tab === 'units'} className={tab === 'units' ? 'active' : ''} onClick={() => setTab('units')}>Đơn vị</button>
        <button role="tab" aria-selected={tab === 'quotas'} className={tab === 'quotas' ? 'active' : ''} onClick={() => setTab('quotas')}>Chỉ tiêu</button>
      </div>
      {tab === 'units' ? <UnitsPanel /> : <QuotasScreen />}
    </section>
  );
}
