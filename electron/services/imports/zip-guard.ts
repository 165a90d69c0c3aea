/**
 * Reads an .xlsx's zip central directory (without inflating anything) and refuses zip bombs:
 * too many parts, too large uncompressed, or an implausible compression ratio.
 */
import { AppError } from '../../../shared/errors/app-error';
import { IMPORT_LIMITS } from './limits';

export interface ZipEntry {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
  method: number;
  encrypted: boolean;
}

function corrupt(fileName: string): AppError {
  return new AppError('BAD_XLSX', `Không đọc được tệp "${fileName}": tệp nén bị hỏng. Hãy mở tệp bằng Excel rồi lưu lại dưới dạng .xlsx.`);
}

export function readZipDirectory(fileName: string, buf: Buffer): ZipEntry[] {
  const min = Math.max(0, buf.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = buf.length - 22; i >= min; i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) { eocd = i; break; }
  }
  if (eocd < 0) throw corrupt(fileName);
  let count = buf.readUInt16LE(eocd + 10);
  let size = buf.readUInt32LE(eocd + 12);
  let offset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || offset === 0xffffffff) {
    // ZIP64: the locator sits just before the EOCD record.
    const loc = eocd - 20;
    if (loc < 0 || buf.readUInt32LE(loc) !== 0x07064b50) throw corrupt(fileName);
    const z64 = Number(buf.readBigUInt64LE(loc + 8));
    if (z64 + 56 > buf.length || buf.readUInt32LE(z64) !== 0x06064b50) throw corrupt(fileName);
    count = Number(buf.readBigUInt64LE(z64 + 32));
    size = Number(buf.readBigUInt64LE(z64 + 40));
    offset = Number(buf.readBigUInt64LE(z64 + 48));
  }
  if (count > IMPORT_LIMITS.maxEntries) {
    throw new AppError('ZIP_BOMB', `Tệp "${fileName}" chứa quá nhiều thành phần (${count}); có thể là tệp độc hại. Không có gì được nhập.`);
  }
  if (offset + size > buf.length) throw corrupt(fileName);
  const entries: ZipEntry[] = [];
  let p = offset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) throw corrupt(fileName);
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    let compressedSize = buf.readUInt32LE(p + 20);
    let uncompressedSize = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    let localHeaderOffset = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    // ZIP64 extra field carries the real sizes when the 32-bit ones are saturated.
    let e = p + 46 + nameLen;
    const end = e + extraLen;
    while (e + 4 <= end) {
      const id = buf.readUInt16LE(e);
      const len = buf.readUInt16LE(e + 2);
      if (id === 0x0001) {
        let q = e + 4;
        if (uncompressedSize === 0xffffffff) { uncompressedSize = Number(buf.readBigUInt64LE(q)); q += 8; }
        if (compressedSize === 0xffffffff) { compressedSize = Number(buf.readBigUInt64LE(q)); q += 8; }
        if (localHeaderOffset === 0xffffffff) { localHeaderOffset = Number(buf.readBigUInt64LE(q)); }
      }
      e += 4 + len;
    }
    entries.push({ name, compressedSize, uncompressedSize, localHeaderOffset, method, encrypted: (flags & 1) === 1 });
    p = end + commentLen;
  }
  return entries;
}

/** Throws when the zip would inflate to too much, or inflates suspiciously well. */
export function guardZip(fileName: string, buf: Buffer): ZipEntry[] {
  const entries = readZipDirectory(fileName, buf);
  let total = 0;
  for (const e of entries) {
    if (e.encrypted) {
      throw new AppError('ENCRYPTED', `Tệp "${fileName}" được đặt mật khẩu. Hãy mở bằng Excel, bỏ mật khẩu (Tệp → Thông tin → Bảo vệ sổ làm việc) rồi lưu và nhập lại.`);
    }
    total += e.uncompressedSize;
    const ratio = e.uncompressedSize / Math.max(1, e.compressedSize);
    if (e.uncompressedSize > 1024 * 1024 && ratio > IMPORT_LIMITS.maxRatio) {
      throw new AppError('ZIP_BOMB', `Tệp "${fileName}" có phần "${e.name}" nén bất thường (tỉ lệ ${Math.round(ratio)}:1), có thể là tệp độc hại ("zip bomb"). Không có gì được nhập.`);
    }
  }
  if (total > IMPORT_LIMITS.maxUncompressedBytes) {
    throw new AppError('ZIP_BOMB', `Tệp "${fileName}" khi giải nén lên tới ${Math.round(total / 1048576)} MB, vượt giới hạn ${Math.round(IMPORT_LIMITS.maxUncompressedBytes / 1048576)} MB. Hãy chia nhỏ danh sách. Không có gì được nhập.`);
  }
  return entries;
}
