import type { Content } from 'pdfmake/interfaces';
import type { OfficeProfile } from '../../../../shared/ipc/channels/app';
import { MM } from './page';
import { textWidth, balancedLines } from './measure';

export interface Signer {
  /** "TM. BAN CHỈ ĐẠO", "KT. TRƯỞNG BAN" or empty. */
  authorityLine: string;
  /** "TRƯỞNG BAN", "PHÓ CHỦ TỊCH UBND". */
  title: string;
  name: string;
}

export function upper(s: string): string {
  return s.normalize('NFC').toLocaleUpperCase('vi');
}

/** The signer as the office profile describes it (the screen may edit it per document). */
export function signerFromOffice(office: OfficeProfile): Signer {
  const a = office.signerAuthority;
  let authorityLine = '';
  if (a === 'TM.') authorityLine = `TM. ${upper(office.officeName)}`;
  // The head of the issuing body: a Red Cross association's is its Chủ tịch, a steering committee's its Trưởng ban.
  else if (a) authorityLine = `${a} ${/chữ thập đỏ/iu.test(office.officeName) ? 'CHỦ TỊCH' : 'TRƯỞNG BAN'}`;
  return { authorityLine, title: office.signerTitle, name: office.signerName };
}

function rule(width: number): Content {
  // A centred stack centres the canvas itself; the line sits a little under the text above it.
  return { canvas: [{ type: 'line', x1: 0, y1: 3, x2: width, y2: 3, lineWidth: 0.6 }], margin: [0, 0, 0, 3] };
}

/**
 * The ND30 heading: parent body and issuing body (left), Quốc hiệu and Tiêu ngữ (right),
 * the number under the body, place and date in italics on the same line.
 */
export function nd30Heading(opts: { office: OfficeProfile; numberLine: string | null; placeDate: string; width: number }): Content {
  // Column content widths: each cell adds 4 pt padding on both sides (and the table its outer lines).
  const leftW = Math.round(opts.width * 0.42) - 8;
  const rightW = opts.width - leftW - 17;
  const left: Content[] = [];
  // Names broken into balanced lines that keep "THÀNH PHỐ", "HIẾN MÁU TÌNH NGUYỆN"… whole.
  if (opts.office.parentBody.trim()) left.push({ text: balancedLines(upper(opts.office.parentBody), leftW, 13).join('\n'), fontSize: 13 });
  left.push({ text: balancedLines(upper(opts.office.officeName), leftW, 13, { bold: true }).join('\n'), fontSize: 13, bold: true }, rule(Math.min(70, leftW * 0.4)));
  const right: Content[] = [
    { text: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', fontSize: 12.5, bold: true },
    { text: 'Độc lập - Tự do - Hạnh phúc', fontSize: 13, bold: true },
    rule(165),
  ];
  return {
    table: {
      widths: [leftW, rightW],
      body: [
        [
          { stack: left, alignment: 'center' },
          { stack: right, alignment: 'center' },
        ],
        [
          { text: opts.numberLine ?? '', alignment: 'center', fontSize: 13, margin: [0, 2, 0, 0] },
          { text: opts.placeDate, italics: true, alignment: 'center', fontSize: 14, margin: [0, 2, 0, 0] },
        ],
      ],
    },
    layout: 'noBorders',
    margin: [0, 0, 0, 8],
  };
}

/** The rule under the subject: 40 % of the line above it (Nghị định 30 asks 1/3 to 1/2), the last line when it wraps. */
export function subjectRuleWidth(subject: string, width: number, fontSize = 14): number {
  const words = subject.normalize('NFC').split(/\s+/).filter(Boolean);
  let line = '';
  let last = 0;
  for (const w of words) {
    const next = line ? `${line} ${w}` : w;
    if (line && textWidth(next, fontSize, { bold: true }) > width) line = w;
    else line = next;
    last = Math.min(width, textWidth(line, fontSize, { bold: true }));
  }
  return Math.max(30, Math.round(last * 0.4));
}

/** "KẾ HOẠCH" then the subject in bold, with a short rule under it. */
export function documentTitle(kind: string, subject: string, width: number): Content {
  return {
    stack: [
      { text: upper(kind), bold: true, fontSize: 14, alignment: 'center', margin: [0, 6, 0, 0] },
      { text: subject, bold: true, fontSize: 14, alignment: 'center' },
      rule(subjectRuleWidth(subject, width)),
    ],
    alignment: 'center',
    margin: [0, 0, 0, 8],
  };
}

/** The signature block: authority, position, space for the signature (never an image), name. */
export function signatureBlock(signer: Signer): Content {
  const lines: Content[] = [];
  if (signer.authorityLine.trim()) lines.push({ text: upper(signer.authorityLine), bold: true });
  if (signer.title.trim()) lines.push({ text: upper(signer.title), bold: true });
  lines.push({ text: ' ', margin: [0, 0, 0, 24 * MM] });
  lines.push({ text: signer.name, bold: true });
  return { stack: lines, alignment: 'center', fontSize: 14, unbreakable: true };
}

/** "Nơi nhận:" bold italic 12, "- …;" lines size 11, the last "- Lưu: VT.". */
export function recipientsBlock(recipients: string[]): Content {
  const clean = recipients.map((r) => r.trim().replace(/^[-–]\s*/, '').replace(/[;.,]+$/, '')).filter((r) => r && !/^Lưu[:\s]/i.test(r));
  return {
    stack: [
      { text: 'Nơi nhận:', bold: true, italics: true, fontSize: 12 },
      ...clean.map((r) => ({ text: `- ${r};`, fontSize: 11 })),
      { text: '- Lưu: VT.', fontSize: 11 },
    ],
  };
}

/** Nơi nhận on the left and the signature on the right, kept together. */
export function closingBlock(recipients: string[] | null, signer: Signer, width: number): Content {
  const leftW = Math.round(width * 0.45);
  return {
    columns: [
      recipients ? { width: leftW, stack: [recipientsBlock(recipients)] } : { width: leftW, text: '' },
      { width: '*', stack: [signatureBlock(signer)] },
    ],
    margin: [0, 12, 0, 0],
    unbreakable: true,
  };
}
