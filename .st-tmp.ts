import ExcelJS from 'exceljs';
import fs from 'node:fs';
import { Readable } from 'node:stream';
async function main() {
  const buf = fs.readFileSync(process.argv[2]);
  const t = performance.now();
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([buf]), { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'emit' } as never);
  let n = 0; let sample: unknown;
  for await (const ws of reader as unknown as AsyncIterable<ExcelJS.Worksheet & AsyncIterable<ExcelJS.Row>>) {
    console.log('sheet', (ws as any).name, (ws as any).state, Object.keys(ws as any).slice(0, 30).join(','));
    for await (const row of ws) { n++; if (n === 5) sample = row.getCell(3).value; if (n === 5) console.log(row.getCell(2).font, row.getCell(3).type) }
  }
  console.log(n, sample, performance.now() - t, process.resourceUsage().maxRSS / 1024);
}
void main();
