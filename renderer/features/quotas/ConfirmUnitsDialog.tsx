import { useState } from 'react';
import type { QuotaImportResult, UnitResolution } from '../../../shared/ipc/channels/quotas';
import { UNIT_KINDS, type UnitKind } from '../../../shared/domain/unit-kinds';
import { Modal } from '../../components/ui';

type Unknown = QuotaImportResult['unknown'][number];

/** "new" = create the proposed unit; "skip" = leave the row out; a number = that existing unit. */
type Choice = 'new' | 'skip' | number;

/**
 * The names of a quota table that are not known units, each with the best existing unit or
 * "tạo đơn vị mới" (name written out, kind guessed): the clerk checks them once and confirms.
 */
export function ConfirmUnitsDialog({ unknown, units, busy, onConfirm, onClose }: {
  unknown: Unknown[];
  units: { id: number; name: string }[];
  busy: boolean;
  onConfirm: (resolutions: UnitResolution[]) => void;
  onClose: () => void;
}) {
  const [choices, setChoices] = useState<Map<number, Choice>>(() => new Map(unknown.map((u) => [u.row, u.suggestion?.unitId ?? 'new'])));
  const [names, setNames] = useState<Map<number, string>>(() => new Map(unknown.map((u) => [u.row, u.suggestion?.newName ?? u.name])));
  const [kinds, setKinds] = useState<Map<number, UnitKind>>(() => new Map(unknown.map((u) => [u.row, (u.suggestion?.newKind ?? 'other') as UnitKind])));
  const created = [...choices.values()].filter((c) => c === 'new').length;
  const confirm = () =>
    onConfirm(
      unknown.map((u) => {
        const c = choices.get(u.row) ?? 'new';
        if (c === 'skip') return { row: u.row, unitId: null, newName: null };
        if (c === 'new') return { row: u.row, unitId: null, newName: names.get(u.row)?.trim() || u.name, newKind: kinds.get(u.row) };
        return { row: u.row, unitId: c };
      }),
    );
  return (
    <Modal
      title="Đơn vị trong bảng chỉ tiêu"
      onClose={onClose}
      footer={<>
        <button onClick={onClose}>Để sau</button>
        <button className="primary" disabled={busy} onClick={confirm}>{created ? `Xác nhận (tạo ${created} đơn vị mới)` : 'Xác nhận'}</button>
      </>}
    >
      <p className="muted">Các tên dưới đây chưa có trong danh sách đơn vị. Mỗi dòng đã được đề xuất: đơn vị giống nhất, hoặc tạo đơn vị mới (tên viết đầy đủ, loại đoán theo tên). Kiểm tra rồi bấm “Xác nhận” một lần; tên trong bảng được ghi nhớ là tên gọi khác của đơn vị.</p>
      <table className="table">
        <thead><tr><th>Dòng</th><th>Tên trong bảng</th><th>Thuộc đơn vị</th><th>Tên và loại đơn vị mới</th></tr></thead>
        <tbody>
          {unknown.map((u) => {
            const c = choices.get(u.row) ?? 'new';
            return (
              <tr key={u.row}>
                <td>{u.row}</td>
                <td>{u.name}</td>
                <td>
                  <select aria-label={`Đơn vị cho dòng ${u.row}`} value={String(c)} onChange={(e) => setChoices((m) => new Map(m).set(u.row, e.target.value === 'new' || e.target.value === 'skip' ? e.target.value : Number(e.target.value)))}>
                    <option value="new">Tạo đơn vị mới</option>
                    <option value="skip">Bỏ qua dòng này</option>
                    {units.map((x) => <option key={x.id} value={x.id}>{x.name}{u.suggestion?.unitId === x.id ? ` (giống nhất, ${Math.round((u.suggestion.score ?? 0) * 100)}%)` : ''}</option>)}
                  </select>
                </td>
                <td>
                  {c === 'new' && (
                    <>
                      <input aria-label={`Tên đơn vị mới cho dòng ${u.row}`} value={names.get(u.row) ?? ''} onChange={(e) => setNames((m) => new Map(m).set(u.row, e.target.value))} />
                      <select aria-label={`Loại đơn vị mới cho dòng ${u.row}`} value={kinds.get(u.row)} onChange={(e) => setKinds((m) => new Map(m).set(u.row, e.target.value as UnitKind))}>
                        {Object.entries(UNIT_KINDS).map(([k, label]) => <option key={k} value={k}>{label}</option>)}
                      </select>
                    </>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </Modal>
  );
}
