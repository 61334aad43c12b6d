import { fileError } from '../errors';

/** XML bytes as text: UTF-8 (with or without a byte-order mark) or UTF-16 with a byte-order mark, as XML allows. */
export function decodeXml(bytes: Uint8Array): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  return new TextDecoder('utf-8', { ignoreBOM: false }).decode(bytes);
}

export function doctypeRefused(): Error {
  return fileError(
    'xml-doctype',
    '文件中含有 DOCTYPE 声明（可能是恶意构造的文件），已拒绝读取',
    'the file holds a DOCTYPE declaration (possibly crafted to attack the reader); refused',
  );
}

export function xmlDamaged(part: string): Error {
  return fileError('xml-damaged', `文件已损坏：${part} 不是有效的 XML`, `the file is damaged: ${part} is not valid XML`);
}
