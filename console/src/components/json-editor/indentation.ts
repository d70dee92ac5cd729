export const INDENT = '  ';

export interface TextEdit {
  text: string;
  selectionStart: number;
  selectionEnd: number;
}

/** Tab: two spaces at the caret, or every selected line indented when the selection spans lines. */
export function indent(text: string, start: number, end: number): TextEdit {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  if (!text.slice(start, end).includes('\n')) {
    return { text: text.slice(0, start) + INDENT + text.slice(end), selectionStart: start + INDENT.length, selectionEnd: start + INDENT.length };
  }
  const block = text.slice(lineStart, end);
  const lines = block.split('\n');
  const indented = lines.map((line) => INDENT + line).join('\n');
  return { text: text.slice(0, lineStart) + indented + text.slice(end), selectionStart: start + INDENT.length, selectionEnd: end + INDENT.length * lines.length };
}

/** Shift+Tab: up to two leading spaces removed from every line the selection touches. */
export function outdent(text: string, start: number, end: number): TextEdit {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const block = text.slice(lineStart, end);
  let removedFirst = 0;
  let removed = 0;
  const lines = block.split('\n').map((line, i) => {
    const cut = line.startsWith(INDENT) ? INDENT.length : line.startsWith(' ') ? 1 : 0;
    if (i === 0) removedFirst = cut;
    removed += cut;
    return line.slice(cut);
  });
  return {
    text: text.slice(0, lineStart) + lines.join('\n') + text.slice(end),
    selectionStart: Math.max(lineStart, start - removedFirst),
    selectionEnd: Math.max(lineStart, end - removed),
  };
}
