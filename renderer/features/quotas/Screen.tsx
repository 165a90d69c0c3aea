import { EmptyState, PageHeader } from '../../components/ui';

/** Entry screen of this capability: an honest empty state until its data exists. */
export function QuotasScreen() {
  return (
    <section>
      <PageHeader title="Chỉ tiêu" />
      <EmptyState title="Chưa giao chỉ tiêu" action={<a className="button" href="#/dot-hien-mau">Xem đợt hiến máu</a>}>
        Bảng giao chỉ tiêu theo đơn vị (người đăng ký, đơn vị máu, có thể theo tháng) sẽ nằm ở đây, với tổng so với chỉ tiêu của đợt.
      </EmptyState>
    </section>
  );
}
