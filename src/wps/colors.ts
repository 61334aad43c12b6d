/**
 * Fill colours as WPS's object model takes them. Addresses and rectangles are the hosts' shared ones
 * (src/host/addresses.ts): WPS's Range() and Address() speak the same A1 as office-js.
 */

/** VBA's RGB(r, g, b) from "#RRGGBB": WPS's Interior.Color is r + g·256 + b·65536. */
export function hexToBgr(hex: string): number {
  const n = parseInt(hex.replace('#', ''), 16);
  return ((n >> 16) & 0xff) + ((n >> 8) & 0xff) * 256 + (n & 0xff) * 65536;
}

export function bgrToHex(bgr: number): string {
  const r = bgr & 0xff;
  const g = (bgr >> 8) & 0xff;
  const b = (bgr >> 16) & 0xff;
  return `#${[r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('')}`.toUpperCase();
}
