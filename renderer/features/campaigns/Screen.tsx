import { EmptyState, PageHeader } from '../../components/ui';

/** Entry screen of this capability: an honest empty state until its data exists. */
export function CampaignsScreen() {
  return (
    <section>
      <PageHeader title="Đợt hiến máu" />
      <EmptyState title="Quản lý các đợt hiến máu" action={<a className="button" href="#/don-vi">Xem đơn vị</a>}>
        Tại đây sẽ tạo và sửa đợt hiến máu: tên, khẩu hiệu, số kế hoạch, căn cứ, hạn đăng ký, ngày giờ và địa điểm, cơ sở tiếp nhận máu, chỉ tiêu, giới hạn tuổi và mức hỗ trợ.
      </EmptyState>
    </section>
  );
}
