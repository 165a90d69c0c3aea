import { useState, type FormEvent } from 'react';
import type { Unit } from '../../../shared/ipc/channels/units';
import { UNIT_KINDS, type UnitKind } from '../../../shared/domain/unit-kinds';
import { Field, Modal } from '../../components/ui';
import { allowedParents } from './unit-tree';

export interface UnitFormValue {
  name: string;
  shortName: string | null;
  kind: UnitKind;
  grouping: string | null;
  parentId: number | null;
  /** Other names plans and lists use ("CATP", "P. Vĩnh Trại"), one per line. */
  aliases: string[];
}

export function UnitForm({ units, initial, title, onSave, onClose, busy }: {
  units: Unit[];
  initial: Partial<Unit> & { id?: number };
  title: string;
  busy: boolean;
  onSave(v: UnitFormValue): void;
  onClose(): void;
}) {
  const [v, setV] = useState<UnitFormValue>({
    name: initial.name ?? '',
    shortName: initial.shortName ?? null,
    kind: initial.kind ?? 'other',
    grouping: initial.grouping ?? null,
    parentId: initial.parentId ?? null,
    aliases: initial.aliases ?? [],
  });
  const [aliasText, setAliasText] = useState((initial.aliases ?? []).join('\n'));
  const parents = allowedParents(units.filter((u) => !u.archived), initial.id ?? null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSave({ ...v, aliases: aliasText.split('\n').map((a) => a.trim()).filter(Boolean) });
  };
  return (
    <Modal title={title} onClose={onClose}>
      <form onSubmit={submit} className="form-grid">
        <Field label="Tên đơn vị"><input required autoFocus value={v.name} onChange={(e) => setV({ ...v, name: e.target.value })} /></Field>
        <Field label="Tên viết tắt"><input value={v.shortName ?? ''} onChange={(e) => setV({ ...v, shortName: e.target.value || null })} /></Field>
        <Field label="Loại đơn vị">
          <select value={v.kind} onChange={(e) => setV({ ...v, kind: e.target.value as UnitKind })}>
            {Object.entries(UNIT_KINDS).map(([k, label]) => <option key={k} value={k}>{label}</option>)}
          </select>
        </Field>
        <Field label="Thuộc đơn vị">
          <select value={v.parentId ?? ''} onChange={(e) => setV({ ...v, parentId: e.target.value ? Number(e.target.value) : null })}>
            <option value="">(cấp cao nhất)</option>
            {parents.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
          </select>
        </Field>
        <Field label="Cụm / nhóm" hint="Không bắt buộc, ví dụ: Cụm xã Thất Khê">
          <input value={v.grouping ?? ''} onChange={(e) => setV({ ...v, grouping: e.target.value || null })} />
        </Field>
        <Field label="Tên gọi khác" hint="Mỗi dòng một tên như kế hoạch hay danh sách vẫn viết (CATP, P. Vĩnh Trại, Hội ND TP). Chữ hoa/thường, dấu và các chữ viết tắt quen dùng (P., TP, UBND, LĐLĐ…) đã tự hiểu.">
          <textarea rows={3} value={aliasText} onChange={(e) => setAliasText(e.target.value)} />
        </Field>
        <div className="form-actions">
          <button type="button" onClick={onClose}>Huỷ</button>
          <button className="primary" type="submit" disabled={busy}>Lưu</button>
        </div>
      </form>
    </Modal>
  );
}
