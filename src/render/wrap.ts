/**
 * Word wrapping for a terminal. Escape codes take no room on screen, so widths are measured
 * without them; a wrapped line continues under its own text (past its indent, and past an
 * opening quotation mark or a list dash), so quotes and lists stay readable as blocks.
 */

const ESCAPE = /\u001b\[[0-9;]*m/g;

export function visibleLength(text: string): number {
  return [...text.replace(ESCAPE, '')].length;
}

/** How far continuation lines are indented: the line's indent plus any opening mark. */
function hangingIndent(line: string): number {
  const plain = line.replace(ESCAPE, '');
  const indent = /^\s*/.exec(plain)?.[0].length ?? 0;
  const rest = plain.slice(indent);
  if (rest.startsWith('“') || rest.startsWith('"')) return indent + 1;
  if (rest.startsWith('- ')) return indent + 2;
  return indent;
}

function wrapLine(line: string, width: number): string[] {
  if (visibleLength(line) <= width) return [line];
  const hang = hangingIndent(line);
  const lead = /^\s*/.exec(line)?.[0] ?? '';
  const words = line.slice(lead.length).split(/ +/);
  const out: string[] = [];
  let current = lead;
  let currentLength = visibleLength(lead);
  let empty = true;
  for (const word of words) {
    const length = visibleLength(word);
    if (!empty && currentLength + 1 + length > width) {
      out.push(current);
      current = ' '.repeat(hang) + word;
      currentLength = hang + length;
      continue;
    }
    current += empty ? word : ` ${word}`;
    currentLength += (empty ? 0 : 1) + length;
    empty = false;
  }
  out.push(current);
  return out;
}

/**
 * Wraps every line of `text` at spaces to at most `width` columns. A word longer than the width
 * stays whole on its own line (the terminal breaks it), and a width of 0 or less, or undefined
 * (output that is not a terminal), leaves the text as it is.
 */
export function wrapText(text: string, width: number | undefined): string {
  if (width === undefined || width <= 0) return text;
  return text
    .split('\n')
    .flatMap((line) => wrapLine(line, width))
    .join('\n');
}
