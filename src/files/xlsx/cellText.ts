/** Excel writes characters XML cannot hold as _xHHHH_; a literal "_x0041_" is written with its underscore escaped. */
const ESCAPED = /_x([0-9A-Fa-f]{4})_/g;

/** Cell text as a clerk sees it: Excel's _xHHHH_ escapes decoded, line breaks as \n. */
export function cellString(text: string): string {
  let out = text;
  if (out.includes('_x')) out = out.replace(ESCAPED, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  if (out.includes('\r')) out = out.replace(/\r\n?/g, '\n');
  return out;
}
