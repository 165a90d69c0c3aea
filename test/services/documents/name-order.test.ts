import { describe, expect, it } from 'vitest';
import { compareVietnameseNames, compareVietnameseText } from '../../../shared/domain/names';

const sorted = (names: string[]) => [...names].sort(compareVietnameseNames);

describe('Vietnamese name order (shared/domain/names)', () => {
  it('puts a toneless given name before the same letters with a tone, whatever the family name', () => {
    expect(sorted(['Lê Văn Hòa', 'Trần Thị Hoa'])).toEqual(['Trần Thị Hoa', 'Lê Văn Hòa']);
    expect(sorted(['Phạm Khánh Ánh', 'Phạm Thu Anh'])).toEqual(['Phạm Thu Anh', 'Phạm Khánh Ánh']);
  });

  it('orders tones none, huyền, hỏi, ngã, sắc, nặng', () => {
    const names = ['Lê Mạ', 'Lê Má', 'Lê Mã', 'Lê Mả', 'Lê Mà', 'Lê Ma'];
    expect(sorted(names)).toEqual(['Lê Ma', 'Lê Mà', 'Lê Mả', 'Lê Mã', 'Lê Má', 'Lê Mạ']);
  });

  it('compares letters first (a ă â, d đ, o ô ơ, u ư are letters of their own) and tones only on equal letters', () => {
    expect(sorted(['Võ Ân', 'Võ Ăn', 'Võ An'])).toEqual(['Võ An', 'Võ Ăn', 'Võ Ân']);
    expect(sorted(['Lê Đức', 'Lê Dũng', 'Lê Duy'])).toEqual(['Lê Dũng', 'Lê Duy', 'Lê Đức']);
    expect(sorted(['Ngô Ơn', 'Ngô Ôn', 'Ngô On'])).toEqual(['Ngô On', 'Ngô Ôn', 'Ngô Ơn']);
    expect(sorted(['Hà Ưng', 'Hà Ung'])).toEqual(['Hà Ung', 'Hà Ưng']);
    // a toneless later letter still comes after an earlier letter with any tone
    expect(sorted(['Lê Hoan', 'Lê Hóa'])).toEqual(['Lê Hóa', 'Lê Hoan']);
  });

  it('sorts by given name, then family and middle names, case and Unicode form ignored', () => {
    expect(sorted(['Nguyễn Văn Bình', 'Trần An', 'Lê Thị An', 'nguyễn văn an'.normalize('NFD')])).toEqual([
      'Lê Thị An', 'nguyễn văn an'.normalize('NFD'), 'Trần An', 'Nguyễn Văn Bình',
    ]);
    // letters of the combined characters with two marks (ậ ặ ợ ừ) are read right
    expect(sorted(['Bùi Vượng', 'Bùi Vương', 'Bùi Vựng'])).toEqual(['Bùi Vựng', 'Bùi Vương', 'Bùi Vượng']);
    expect(compareVietnameseText('Phòng Giáo dục', 'Phòng giáo dục')).toBe(0);
  });
});

describe('campaign names inside a sentence (item 5)', () => {
  it('lower-cases a leading common noun and "Hiến máu" after a lower-case word, leaving quoted titles alone', async () => {
    const { campaignInSentence, withYear } = await import('../../../shared/domain/documents/format');
    const { sayYearOnce } = await import('../../../shared/domain/documents/template');
    expect(campaignInSentence('Hiến máu tình nguyện đợt 1')).toBe('hiến máu tình nguyện đợt 1');
    expect(campaignInSentence('Ngày hội Hiến máu tình nguyện “Giọt hồng Hiến máu”')).toBe('ngày hội hiến máu tình nguyện “Giọt hồng Hiến máu”');
    expect(campaignInSentence('Chương trình “Hành trình đỏ”')).toBe('Chương trình “Hành trình đỏ”');
    expect(withYear('Đợt hiến máu năm 2026', 2026)).toBe('Đợt hiến máu năm 2026');
    expect(withYear('Đợt hiến máu', 2026)).toBe('Đợt hiến máu năm 2026');
    expect(sayYearOnce('tổ chức Đợt hiến máu năm 2026 năm 2026 như sau')).toBe('tổ chức Đợt hiến máu năm 2026 như sau');
  });
});

describe('a body named in capitals, inside a sentence (item 13)', () => {
  it('reads in sentence case with its own capitals kept', async () => {
    const { inSentence, suggestedDocSuffix, localityOf } = await import('../../../shared/domain/documents/format');
    expect(inSentence('BAN CHỈ ĐẠO VẬN ĐỘNG HIẾN MÁU TÌNH NGUYỆN')).toBe('Ban Chỉ đạo vận động hiến máu tình nguyện');
    expect(inSentence('HỘI CHỮ THẬP ĐỎ HUYỆN CAO LỘC')).toBe('Hội Chữ thập đỏ huyện Cao Lộc');
    expect(inSentence('Hội Chữ thập đỏ thành phố')).toBe('Hội Chữ thập đỏ thành phố');
    expect(suggestedDocSuffix('Hội Chữ thập đỏ thành phố')).toBe('HCTĐ');
    expect(suggestedDocSuffix('BAN CHỈ ĐẠO VẬN ĐỘNG HIẾN MÁU TÌNH NGUYỆN')).toBe('BCĐ');
    expect(localityOf('Ban Chỉ đạo vận động hiến máu tình nguyện thành phố', 'Lạng Sơn')).toBe('thành phố Lạng Sơn');
    expect(localityOf('Hội Chữ thập đỏ huyện Cao Lộc', 'Cao Lộc')).toBe('huyện Cao Lộc');
  });
});
