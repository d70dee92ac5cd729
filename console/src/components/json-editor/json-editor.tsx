import { useLayoutEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import { focusNextAfter } from './focus-next';
import { indent, outdent, type TextEdit } from './indentation';
import './json-editor.css';

export interface EditorMarker {
  line: number;
  severity: 'error' | 'warning';
  /** Where the problem is: a JSON path of the validator, or "line:column" of a syntax error. */
  where: string;
  message: string;
}

interface Props {
  id: string;
  label: string;
  value: string;
  onChange?: (text: string) => void;
  readOnly?: boolean;
  markers?: EditorMarker[];
  /** Shown under the problems (e.g. "validating…"). */
  status?: React.ReactNode;
  rows?: number;
}

/**
 * A textarea JSON editor: line-number gutter with error markers and a problems list that jumps to
 * the line. Tab indents (two spaces), Shift+Tab outdents; Escape moves focus on to the next control,
 * so keyboard users are never trapped.
 */
export function JsonEditor({ id, label, value, onChange, readOnly = false, markers = [], status, rows = 26 }: Props) {
  const textarea = useRef<HTMLTextAreaElement>(null);
  const gutter = useRef<HTMLDivElement>(null);
  const pendingSelection = useRef<[number, number] | null>(null);
  const lineCount = useMemo(() => value.split('\n').length, [value]);
  const byLine = useMemo(() => {
    const map = new Map<number, EditorMarker[]>();
    for (const m of markers) map.set(m.line, [...(map.get(m.line) ?? []), m]);
    return map;
  }, [markers]);

  useLayoutEffect(() => {
    const sel = pendingSelection.current;
    if (sel && textarea.current) textarea.current.setSelectionRange(sel[0], sel[1]);
    pendingSelection.current = null;
  }, [value]);

  const apply = (edit: TextEdit) => {
    const el = textarea.current!;
    // Through the browser's editing command when it exists, so Ctrl+Z still undoes the indentation.
    const old = el.value;
    let from = 0;
    while (from < old.length && from < edit.text.length && old[from] === edit.text[from]) from++;
    let oldEnd = old.length;
    let newEnd = edit.text.length;
    while (oldEnd > from && newEnd > from && old[oldEnd - 1] === edit.text[newEnd - 1]) oldEnd--, newEnd--;
    el.setSelectionRange(from, oldEnd);
    const done = typeof document.execCommand === 'function' && document.execCommand('insertText', false, edit.text.slice(from, newEnd));
    if (done) el.setSelectionRange(edit.selectionStart, edit.selectionEnd);
    else {
      pendingSelection.current = [edit.selectionStart, edit.selectionEnd];
      onChange?.(edit.text);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      focusNextAfter(event.currentTarget);
      return;
    }
    if (readOnly || event.key !== 'Tab' || event.ctrlKey || event.metaKey || event.altKey) return;
    event.preventDefault();
    const el = event.currentTarget;
    apply((event.shiftKey ? outdent : indent)(el.value, el.selectionStart, el.selectionEnd));
  };

  const goToLine = (line: number) => {
    const el = textarea.current;
    if (!el) return;
    const lines = el.value.split('\n');
    const offset = lines.slice(0, line - 1).reduce((sum, l) => sum + l.length + 1, 0);
    el.focus();
    el.setSelectionRange(offset, offset + (lines[line - 1]?.length ?? 0));
    const lineHeight = parseFloat(getComputedStyle(el).lineHeight) || 18;
    el.scrollTop = Math.max(0, (line - 4) * lineHeight);
  };

  const errors = markers.filter((m) => m.severity === 'error');
  const helpId = `${id}-help`;
  const problemsId = `${id}-problems`;
  return (
    <div className="json-editor">
      <label htmlFor={id} className="json-editor-label">
        {label}
      </label>
      <p id={helpId} className="muted json-editor-help">
        {readOnly ? 'Read only.' : 'Tab indents, Shift+Tab outdents, Escape moves on to the next control.'}
      </p>
      <div className="json-editor-frame" style={{ height: `calc(${rows} * var(--json-line) + 12px)` }}>
        <div className="json-editor-gutter" ref={gutter} aria-hidden="true">
          {Array.from({ length: lineCount }, (_, i) => {
            const here = byLine.get(i + 1);
            const kind = here?.some((m) => m.severity === 'error') ? 'error' : here ? 'warning' : '';
            return (
              <div key={i} className={`json-editor-line ${kind}`} title={here?.map((m) => m.message).join('\n')} data-line={i + 1}>
                {i + 1}
              </div>
            );
          })}
        </div>
        <textarea
          id={id}
          ref={textarea}
          className="json-editor-text"
          value={value}
          readOnly={readOnly}
          spellCheck={false}
          autoCapitalize="off"
          autoComplete="off"
          wrap="off"
          aria-invalid={errors.length > 0}
          aria-describedby={`${helpId} ${problemsId}`}
          onChange={(e) => onChange?.(e.target.value)}
          onKeyDown={onKeyDown}
          onScroll={(e) => {
            if (gutter.current) gutter.current.scrollTop = e.currentTarget.scrollTop;
          }}
        />
      </div>
      <div id={problemsId} className="json-editor-problems" aria-live="polite">
        {markers.length > 0 && (
          <ul aria-label="Problems">
            {markers.map((m, i) => (
              <li key={i} className={m.severity}>
                <button type="button" className="link-button" onClick={() => goToLine(m.line)} aria-label={`Go to line ${m.line}`}>
                  line {m.line}
                </button>{' '}
                <code>{m.where}</code> <span>{m.message}</span>
              </li>
            ))}
          </ul>
        )}
        {status}
      </div>
    </div>
  );
}
