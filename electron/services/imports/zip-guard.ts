/**
 * Opens an .xlsx's zip safely. The central directory is read first (parts, declared sizes,
 * passwords); then EVERY part is inflated here, once, with a hard cap on the bytes it may produce,
 * whatever its headers claim. Readers work on these inflated parts; exceljs gets a rebuilt zip of
 * them (see `workbookForExceljs`), so no library ever inflates the original bytes itself.
 */
import zlib from 'node:zlib';
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

/** The inflated parts of an .xlsx, each within the caps. */
export interface XlsxArchive {
  fileName: string;
  entries: ZipEntry[];
  parts: Map<string, Buffer>;
  /** Bytes actually inflated, all parts together. */
  totalBytes: number;
}

function corrupt(fileName: string): AppError {
  return new AppError('BAD_XLSX', `Không đọc được tệp "${fileName}": tệp nén bị hỏng. Hãy mở tệp bằng Excel rồi lưu lại dưới dạng .xlsx.`);
}

function bomb(fileName: string, what: string): AppError {
  return new AppError('ZIP_BOMB', `Tệp "${fileName}" ${what}, có thể là tệp độc hại ("zip bomb"). Không có gì được nhập.`);
}

function tooBig(fileName: string, bytes: number | null, limit: number): AppError {
  const mb = (n: number) => Math.round(n / 1048576);
  const size = bytes === null ? `hơn ${mb(limit)} MB` : `${mb(bytes)} MB`;
  return new AppError('ZIP_BOMB', `Tệp "${fileName}" khi giải nén lên tới ${size}, vượt giới hạn ${mb(limit)} MB. Hãy chia nhỏ danh sách. Không có gì được nhập.`);
}

function readDirectory(fileName: string, buf: Buffer): ZipEntry[] {
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

/** The zip's central directory, without inflating anything. */
export function readZipDirectory(fileName: string, buf: Buffer): ZipEntry[] {
  try {
    return readDirectory(fileName, buf);
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw corrupt(fileName); // a read past the end of a lying header
  }
}

/** At most this many bytes from one part: the remaining budget, and no more than `maxRatio` times its compressed size. */
function inflatePart(fileName: string, buf: Buffer, e: ZipEntry, budget: number, limit: number): Buffer {
  const p = e.localHeaderOffset;
  if (p + 30 > buf.length || buf.readUInt32LE(p) !== 0x04034b50) throw corrupt(fileName);
  const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
  if (start > buf.length) throw corrupt(fileName);
  const data = buf.subarray(start, Math.min(buf.length, start + e.compressedSize));
  if (e.method === 0) {
    if (data.length > budget) throw tooBig(fileName, null, limit);
    return data;
  }
  if (e.method !== 8) throw corrupt(fileName);
  const byRatio = Math.max(1024 * 1024, data.length * IMPORT_LIMITS.maxRatio);
  try {
    // The cap is on what inflating produces, not on what the headers say it will.
    return zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, Math.min(budget, byRatio + 1)) });
  } catch (err) {
    if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
      if (byRatio < budget) throw bomb(fileName, `có phần "${e.name}" giải nén lớn bất thường (hơn ${IMPORT_LIMITS.maxRatio} lần kích thước nén)`);
      throw tooBig(fileName, null, limit);
    }
    throw corrupt(fileName);
  }
}

/**
 * Refuses password-protected files and zip bombs, then inflates every part with a hard cap on the
 * total output, and checks the real compression ratios. Throws a typed AppError naming the file.
 */
export function guardZip(fileName: string, buf: Buffer, maxTotal: number = IMPORT_LIMITS.maxUncompressedBytes): XlsxArchive {
  const entries = readZipDirectory(fileName, buf);
  let declared = 0;
  for (const e of entries) {
    if (e.encrypted) {
      throw new AppError('ENCRYPTED', `Tệp "${fileName}" được đặt mật khẩu. Hãy mở bằng Excel, bỏ mật khẩu (Tệp → Thông tin → Bảo vệ sổ làm việc) rồi lưu và nhập lại.`);
    }
    declared += e.uncompressedSize;
    const ratio = e.uncompressedSize / Math.max(1, e.compressedSize);
    if (e.uncompressedSize > 1024 * 1024 && ratio > IMPORT_LIMITS.maxRatio) {
      throw bomb(fileName, `có phần "${e.name}" nén bất thường (tỉ lệ ${Math.round(ratio)}:1)`);
    }
  }
  if (declared > maxTotal) throw tooBig(fileName, declared, maxTotal);
  const tooDense = (n: number) => n > 8 * 1024 * 1024 && n / buf.length > IMPORT_LIMITS.maxRatio;
  if (tooDense(declared)) throw bomb(fileName, `khai báo giải nén lớn bất thường (tỉ lệ ${Math.round(declared / buf.length)}:1)`);
  const parts = new Map<string, Buffer>();
  let total = 0;
  for (const e of entries) {
    if (e.name.endsWith('/')) continue; // a folder
    const out = inflatePart(fileName, buf, e, maxTotal - total + 1, maxTotal);
    total += out.length;
    if (total > maxTotal) throw tooBig(fileName, null, maxTotal);
    const ratio = out.length / Math.max(1, e.compressedSize);
    if (out.length > 1024 * 1024 && ratio > IMPORT_LIMITS.maxRatio) {
      throw bomb(fileName, `có phần "${e.name}" giải nén lớn bất thường (tỉ lệ ${Math.round(ratio)}:1)`);
    }
    if (tooDense(total)) throw bomb(fileName, `giải nén lớn bất thường (tỉ lệ hơn ${Math.round(total / buf.length)}:1)`);
    parts.set(e.name, out);
  }
  return { fileName, entries, parts, totalBytes: total };
}

const CRC_TABLE = (() => {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  return t;
})();

function crc32(b: Buffer): number {
  let c = -1;
  for (let i = 0; i < b.length; i++) c = CRC_TABLE[(c ^ b[i]) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

/** A plain (stored, not compressed) zip of the given parts: what exceljs receives, already inflated and checked. */
export function storedZip(parts: Map<string, Buffer>): Buffer {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [partName, data] of parts) {
    const name = Buffer.from(partName, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt16LE(0x0800, 6);
    local.writeUInt32LE(crc, 14); local.writeUInt32LE(data.length, 18); local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0); c.writeUInt16LE(20, 4); c.writeUInt16LE(20, 6); c.writeUInt16LE(0x0800, 8);
    c.writeUInt32LE(crc, 16); c.writeUInt32LE(data.length, 20); c.writeUInt32LE(data.length, 24);
    c.writeUInt16LE(name.length, 28); c.writeUInt32LE(offset, 42);
    chunks.push(local, name, data);
    central.push(c, name);
    offset += 30 + name.length + data.length;
  }
  const cd = Buffer.concat(central);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0); eocd.writeUInt16LE(parts.size, 8); eocd.writeUInt16LE(parts.size, 10);
  eocd.writeUInt32LE(cd.length, 12); eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, cd, eocd]);
}
