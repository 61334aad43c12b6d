// Control characters are what these patterns look for: they are text, not XML.
// eslint-disable-next-line no-control-regex
const NEEDS_ESCAPE = /[&<>"\r\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|_x[0-9A-Fa-f]{4}_/;

/**
 * Cell text as XML content. Control characters XML 1.0 forbids are written as Excel's _xHHHH_ escape, and a literal
 * "_xHHHH_" gets its underscore escaped (_x005F_) so Excel does not decode it. A carriage return is a character
 * reference: a literal one would be read back as a line feed.
 */
export function escapeText(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  // eslint-disable-next-line no-control-regex
  return text.replace(/[&<>"\r\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|_(?=x[0-9A-Fa-f]{4}_)/g, (ch) => {
    switch (ch) {
      case '&':
        return '&amp;';
      case '<':
        return '&lt;';
      case '>':
        return '&gt;';
      case '"':
        return '&quot;';
      case '\r':
        return '&#13;';
      case '_':
        return '_x005F_';
      default:
        return `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`;
    }
  });
}
