import { EmptyState, PageHeader } from '../../components/ui';

/** Entry screen of this capability: an honest empty state until its data exists. */
export function DonorsScreen() {
  return (
    <section>
      <PageHeader title="Người hiến máu" />
      <EmptyState title="Chưa có người hiến máu" action={<a className="button" href="#/nhap-danh-sach">Nhập danh sách</a>}>
        Sổ theo dõi người hiến máu qua các năm: tìm kiếm, lịch sử hiến, nhóm máu hiếm, người đến hạn hiến lại và người đạt mốc khen thưởng.
      </EmptyState>
    </section>
  );
}
