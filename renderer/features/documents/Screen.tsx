import { EmptyState, PageHeader } from '../../components/ui';

/** Entry screen of this capability: an honest empty state until its data exists. */
export function DocumentsScreen() {
  return (
    <section>
      <PageHeader title="In ấn" />
      <EmptyState title="Chưa có văn bản nào" action={<a className="button" href="#/dot-hien-mau">Xem đợt hiến máu</a>}>
        Lập kế hoạch, giấy mời, giấy chứng nhận, danh sách ký nhận, báo cáo kết quả theo Nghị định 30/2020 từ dữ liệu của đợt.
      </EmptyState>
    </section>
  );
}
