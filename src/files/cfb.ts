/**
 * The names of the streams in a Compound File Binary (OLE2) file, from its documented header and directory
 * ([MS-CFB] 2.2 header, 2.3 FAT, 2.6 directory entries). Only names are read: enough to tell an encrypted OOXML
 * workbook (EncryptionInfo + EncryptedPackage) from an Excel 97-2003 / WPS binary workbook (Workbook or Book).
 */
export const CFB_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export function looksLikeCfb(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && CFB_SIGNATURE.every((b, i) => bytes[i] === b);
}

const END_OF_CHAIN = 0xfffffffe;
const FREE = 0xffffffff;

/** Stream and storage names in the file; an empty list when the structure cannot be followed. */
export function cfbNames(bytes: Uint8Array): string[] {
  if (!looksLikeCfb(bytes) || bytes.length < 512) return [];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const shift = view.getUint16(0x1e, true);
  if (shift !== 9 && shift !== 12) return [];
  const sectorSize = 1 << shift;
  const sectorOffset = (sector: number): number => (sector + 1) * sectorSize;
  const u32 = (offset: number): number => (offset + 4 <= bytes.length ? view.getUint32(offset, true) : END_OF_CHAIN);

  // The FAT sectors: 109 in the header, the rest in the DIFAT chain.
  const fatSectors: number[] = [];
  for (let i = 0; i < 109; i += 1) {
    const sector = u32(0x4c + i * 4);
    if (sector !== FREE && sector !== END_OF_CHAIN) fatSectors.push(sector);
  }
  let difat = u32(0x44);
  for (let guard = 0; difat !== END_OF_CHAIN && difat !== FREE && guard < 10000; guard += 1) {
    const base = sectorOffset(difat);
    const perSector = sectorSize / 4 - 1;
    for (let i = 0; i < perSector; i += 1) {
      const sector = u32(base + i * 4);
      if (sector !== FREE && sector !== END_OF_CHAIN) fatSectors.push(sector);
    }
    difat = u32(base + perSector * 4);
  }
  const next = (sector: number): number => {
    const perSector = sectorSize / 4;
    const fatSector = fatSectors[Math.floor(sector / perSector)];
    return fatSector === undefined ? END_OF_CHAIN : u32(sectorOffset(fatSector) + (sector % perSector) * 4);
  };

  const names: string[] = [];
  const seen = new Set<number>();
  let sector = u32(0x30);
  while (sector !== END_OF_CHAIN && sector !== FREE && !seen.has(sector) && sectorOffset(sector) < bytes.length) {
    seen.add(sector);
    const base = sectorOffset(sector);
    for (let entry = 0; entry < sectorSize / 128; entry += 1) {
      const at = base + entry * 128;
      if (at + 128 > bytes.length) break;
      const nameLength = view.getUint16(at + 0x40, true);
      const type = bytes[at + 0x42];
      if (type === 0 || nameLength < 2 || nameLength > 64) continue;
      let name = '';
      for (let i = 0; i < nameLength / 2 - 1; i += 1) name += String.fromCharCode(view.getUint16(at + i * 2, true));
      names.push(name);
    }
    sector = next(sector);
  }
  return names;
}
