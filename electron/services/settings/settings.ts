import type { Reader, Writer } from '../../db/data';
import { q, statement } from '../../db/query';

/** Settings are JSON values under a key. */
const settingValue = statement<{ key: string }, { value: string }>((p) => q.selectFrom('settings').select('value').where('key', '=', p.key));

export function getSetting<T>(r: Reader, key: string): T | null {
  const value = r.value(settingValue, { key });
  return value === undefined ? null : (JSON.parse(value) as T);
}

export function setSetting<T>(w: Writer, key: string, value: T): void {
  const json = JSON.stringify(value);
  w.run(q.insertInto('settings').values({ key, value: json }).onConflict((oc) => oc.column('key').doUpdateSet({ value: json })));
}

/** Removes a setting. */
export function deleteSetting(w: Writer, key: string): void {
  w.run(q.deleteFrom('settings').where('key', '=', key));
}
