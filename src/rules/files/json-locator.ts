/**
 * Maps JSON paths (`a.b[2].c`) of a JSON text to line/column, so a validation issue found on
 * the parsed value can name the line of the file. A small scanner, not a second parser of
 * record: it runs only on text JSON.parse already accepted.
 */
export interface Position {
  line: number;
  column: number;
}

export function locateJsonPaths(text: string): Map<string, Position> {
  const positions = new Map<string, Position>();
  let i = 0;
  const lineStarts = [0];
  for (let k = 0; k < text.length; k++) if (text[k] === '\n') lineStarts.push(k + 1);
  const pos = (offset: number): Position => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - lineStarts[lo] + 1 };
  };
  const ws = () => {
    while (i < text.length && /\s/.test(text[i])) i++;
  };
  const str = (): string => {
    const start = i;
    i++;
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const value = (path: string, depth: number): void => {
    ws();
    positions.set(path || '(document)', pos(i));
    if (depth > 200) throw new Error('too deep');
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') return void i++;
      for (;;) {
        ws();
        const keyAt = i;
        const key = str();
        const child = path ? `${path}.${key}` : key;
        ws();
        i++; // ':'
        value(child, depth + 1);
        positions.set(child, pos(keyAt));
        ws();
        if (text[i++] === '}') return;
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') return void i++;
      for (let n = 0; ; n++) {
        value(`${path}[${n}]`, depth + 1);
        ws();
        if (text[i++] === ']') return;
      }
    }
    if (c === '"') return void str();
    while (i < text.length && !/[\s,\]}]/.test(text[i])) i++;
  };
  try {
    value('', 0);
  } catch {
    // positions found so far still help
  }
  return positions;
}

/** The position of a path, or of its nearest located ancestor. */
export function positionOf(positions: Map<string, Position>, path: string): Position {
  let p = path;
  for (;;) {
    const hit = positions.get(p);
    if (hit) return hit;
    const cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
    if (cut <= 0) return positions.get('(document)') ?? { line: 1, column: 1 };
    p = p.slice(0, cut);
  }
}

/** Line/column of a JSON.parse syntax error, from V8's "position N" message. */
export function syntaxErrorPosition(text: string, error: Error): Position {
  const match = /position (\d+)/.exec(error.message);
  const lineCol = /line (\d+) column (\d+)/.exec(error.message);
  if (lineCol) return { line: Number(lineCol[1]), column: Number(lineCol[2]) };
  const offset = match ? Number(match[1]) : 0;
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}
