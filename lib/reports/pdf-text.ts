/*
 * The PDF's standard fonts (Helvetica) cover Windows-1252 only: Latin-1 plus a few typographic
 * characters. Anything else would print as garbage, so it is spelled in ASCII or replaced by "?".
 */
const WIN_ANSI_EXTRAS = new Set([..."€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ"]);
const SPELLED: Record<string, string> = { "≥": ">=", "≤": "<=", "→": "->", "←": "<-", "−": "-", "≈": "~", "✓": "ok", "\u00a0": " ", "\u202f": " " };

/** Text the PDF's standard fonts can print: Windows-1252 characters kept, others spelled or replaced. */
export function pdfText(text: string): string {
  let out = "";
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (SPELLED[ch] !== undefined) out += SPELLED[ch];
    else if (code === 0x0a || (code >= 0x20 && code < 0x7f) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRAS.has(ch)) out += ch;
    else out += "?";
  }
  return out;
}
