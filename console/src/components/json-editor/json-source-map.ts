// A strict JSON parser that remembers where every value sits in the text. JSON.parse reports
// syntax errors differently per browser and knows nothing about positions; the editor needs
// line:column for syntax errors, the line of a path for the validator's issues, and the exact
// text range of a number so the threshold form can change it without reformatting the file.

export type JsonPathPart = string | number;

export interface SourceNode {
  /** Text range of the value itself: [start, end). */
  start: number;
  end: number;
  /** 1-based line where the member starts (its key for object members, else the value). */
  line: number;
}

export type ParseResult =
  | { ok: true; value: unknown; nodes: Map<string, SourceNode> }
  | { ok: false; message: string; offset: number; line: number; column: number };

/** The service's path notation: `components[0].rules[3].points`; the root is `(document)`. */
export function jsonPath(parts: readonly JsonPathPart[]): string {
  let out = '';
  for (const part of parts) out += typeof part === 'number' ? `[${part}]` : out ? `.${part}` : part;
  return out || '(document)';
}

/** `a.b[2]` → `a.b`, `a.b` → `a`, `a` → `(document)`: to map an issue on a missing key to its parent. */
export function parentPath(path: string): string | null {
  if (path === '(document)') return null;
  const cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
  return cut <= 0 ? '(document)' : path.slice(0, cut);
}

/** The line of the closest node the path (or one of its ancestors) names; 1 when none. */
export function lineOfPath(nodes: Map<string, SourceNode>, path: string): number {
  for (let p: string | null = path; p !== null; p = parentPath(p)) {
    const node = nodes.get(p);
    if (node) return node.line;
  }
  return 1;
}

class JsonSyntaxError extends Error {
  constructor(message: string, readonly offset: number) {
    super(message);
  }
}

export function parseJsonSource(text: string): ParseResult {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lineStarts.push(i + 1);
  const lineAt = (offset: number): number => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
  const nodes = new Map<string, SourceNode>();
  let pos = 0;

  const fail = (message: string, at = pos): never => {
    throw new JsonSyntaxError(message, at);
  };
  const describe = (at: number) => (at >= text.length ? 'end of text' : `'${text[at]}'`);
  const skipSpace = () => {
    while (pos < text.length && (text[pos] === ' ' || text[pos] === '\n' || text[pos] === '\r' || text[pos] === '\t')) pos++;
  };

  const parseString = (): string => {
    const start = pos;
    pos++; // opening quote
    let out = '';
    while (pos < text.length) {
      const ch = text[pos];
      if (ch === '"') {
        pos++;
        return out;
      }
      if (ch === '\\') {
        const esc = text[pos + 1];
        const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
        if (esc !== undefined && esc in simple) {
          out += simple[esc];
          pos += 2;
        } else if (esc === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(pos + 2, pos + 6))) {
          out += String.fromCharCode(parseInt(text.slice(pos + 2, pos + 6), 16));
          pos += 6;
        } else fail('invalid escape sequence in string');
        continue;
      }
      if (ch === '\n' || ch.charCodeAt(0) < 0x20) fail('unterminated string (line break inside quotes)', start);
      out += ch;
      pos++;
    }
    return fail('unterminated string', start);
  };

  const parseNumber = (): number => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(pos, pos + 400));
    if (!match) fail(`unexpected ${describe(pos)}: expected a value`);
    pos += match![0].length;
    return Number(match![0]);
  };

  const parseValue = (path: JsonPathPart[], memberLine: number | null): unknown => {
    skipSpace();
    const start = pos;
    const record = (value: unknown) => {
      nodes.set(jsonPath(path), { start, end: pos, line: memberLine ?? lineAt(start) });
      return value;
    };
    const ch = text[pos];
    if (ch === '{') {
      pos++;
      const out: Record<string, unknown> = {};
      skipSpace();
      if (text[pos] === '}') {
        pos++;
        return record(out);
      }
      for (;;) {
        skipSpace();
        if (text[pos] !== '"') fail(text[pos] === '}' ? "trailing comma before '}'" : `unexpected ${describe(pos)}: expected a property name in double quotes`);
        const keyStart = pos;
        const key = parseString();
        if (Object.prototype.hasOwnProperty.call(out, key)) fail(`duplicate key "${key}"`, keyStart);
        skipSpace();
        if (text[pos] !== ':') fail(`unexpected ${describe(pos)}: expected ':' after "${key}"`);
        pos++;
        out[key] = parseValue([...path, key], lineAt(keyStart));
        skipSpace();
        if (text[pos] === ',') {
          pos++;
          continue;
        }
        if (text[pos] === '}') {
          pos++;
          return record(out);
        }
        fail(`unexpected ${describe(pos)}: expected ',' or '}' after the value of "${key}"`);
      }
    }
    if (ch === '[') {
      pos++;
      const out: unknown[] = [];
      skipSpace();
      if (text[pos] === ']') {
        pos++;
        return record(out);
      }
      for (;;) {
        skipSpace();
        if (text[pos] === ']') fail("trailing comma before ']'");
        out.push(parseValue([...path, out.length], null));
        skipSpace();
        if (text[pos] === ',') {
          pos++;
          continue;
        }
        if (text[pos] === ']') {
          pos++;
          return record(out);
        }
        fail(`unexpected ${describe(pos)}: expected ',' or ']' in the list`);
      }
    }
    if (ch === '"') return record(parseString());
    if (ch === '-' || (ch >= '0' && ch <= '9')) return record(parseNumber());
    for (const [word, value] of [['true', true], ['false', false], ['null', null]] as const) {
      if (text.startsWith(word, pos)) {
        pos += word.length;
        return record(value);
      }
    }
    return fail(`unexpected ${describe(pos)}: expected a value`);
  };

  try {
    const value = parseValue([], null);
    skipSpace();
    if (pos < text.length) fail(`unexpected ${describe(pos)} after the end of the document`);
    return { ok: true, value, nodes };
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    const line = lineAt(error.offset);
    return { ok: false, message: error.message, offset: error.offset, line, column: error.offset - lineStarts[line - 1] + 1 };
  }
}
