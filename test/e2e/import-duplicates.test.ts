import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { completeFirstRun, launchApp, type E2eApp } from './harness';
import { CORPUS_DIR } from '../helpers/context';

const FILES = ['DS dang ky HMTN P.Vinh Trai.xlsx', 'ThanhDoan_DS DVTN dang ky HMTN 2026.xlsx'];

describe('a clerk imports two lists and resolves a duplicate, in Chromium', () => {
  let app: E2eApp;
  beforeAll(async () => {
    app = await launchApp();
    await completeFirstRun(app.page, { campaign: 'Ngày hội hiến máu 28/5', date: '2026-05-28' });
  });
  afterAll(async () => app?.close());

  it('reads both files, previews them and writes every person with the source row', async () => {
    const { page } = app;
    await page.getByRole('link', { name: 'Nhập danh sách' }).click();
    await page.getByLabel('Tệp danh sách đăng ký').setInputFiles(FILES.map((f) => path.join(CORPUS_DIR, f)));
    const tabs = page.getByRole('tablist', { name: 'Các tệp đã đọc' });
    await tabs.waitFor({ timeout: 60_000 });
    await app.screenshot('03-import-preview');
    for (const file of FILES) {
      await tabs.getByRole('tab', { name: new RegExp(file.slice(0, 12).replace(/[.]/g, '\\.')) }).click();
      const commit = page.getByRole('button', { name: /^Ghi .* người vào đợt$/ });
      await commit.click();
      await page.getByText(new RegExp(`Đã nhập \\d+ người từ “${file.replace(/[.]/g, '\\.')}”`)).first().waitFor({ timeout: 60_000 });
    }
    // the second list is matched against the first as it arrives
    await page.getByText(/có thể đã đăng ký ở danh sách khác/).first().waitFor();
    const perFile = app.query<{ source_file: string; n: number }>('SELECT source_file, count(*) n FROM registrations GROUP BY source_file ORDER BY source_file');
    expect(perFile.map((r) => r.source_file)).toEqual([...FILES].sort());
    expect(perFile.every((r) => r.n > 50)).toBe(true);
    const noSource = app.query<{ n: number }>('SELECT count(*) n FROM registrations WHERE source_sheet IS NULL OR source_row IS NULL');
    expect(noSource[0].n).toBe(0);
    expect(app.query<{ n: number }>("SELECT count(*) n FROM audit_log WHERE action LIKE 'import%'")[0].n).toBeGreaterThan(0);
  });

  it('shows the people registered by both the ward and the youth union, with reasons, and merges one', async () => {
    const { page } = app;
    await page.getByRole('link', { name: 'Trùng lặp' }).click();
    const first = page.getByRole('article').first();
    await first.waitFor({ timeout: 60_000 });
    await expect.poll(() => first.innerText()).toMatch(/cùng|giống/);
    await app.screenshot('04-duplicates');
    const before = app.query<{ n: number }>('SELECT count(*) n FROM people WHERE merged_into IS NULL')[0].n;
    await first.getByRole('button', { name: 'Gộp thành một người' }).click();
    await expect.poll(() => app.query<{ n: number }>('SELECT count(*) n FROM people WHERE merged_into IS NULL')[0].n).toBe(before - 1);
    expect(app.query<{ n: number }>('SELECT count(*) n FROM person_merges WHERE undone_at IS NULL')[0].n).toBe(1);
    // both registrations stay traceable to their files
    const regs = app.query<{ files: number }>(
      'SELECT count(DISTINCT r.source_file) files FROM registrations r JOIN person_merges m ON r.person_id = m.survivor_id WHERE m.undone_at IS NULL',
    );
    expect(regs[0].files).toBe(2);
  });
});
