import { useEffect, useState } from 'react';
import type { JsonPathPart } from '../../components/json-editor/json-source-map';
import type { FieldGroup, NumericField } from './threshold-fields';

interface Props {
  groups: FieldGroup[];
  onChange: (path: JsonPathPart[], value: number) => void;
  /** Set when the JSON does not parse: the form cannot know the current numbers. */
  disabledReason?: string;
}

/** Number fields for the common edits, kept in sync with the JSON editor (both edit the same text). */
export function ThresholdForm({ groups, onChange, disabledReason }: Props) {
  const fieldCount = groups.reduce((n, g) => n + g.fields.length, 0);
  return (
    <section className="threshold-form" aria-labelledby="threshold-form-title">
      <h3 id="threshold-form-title">Thresholds and weights</h3>
      {disabledReason ? (
        <p className="muted" role="note">
          {disabledReason}
        </p>
      ) : fieldCount === 0 ? (
        <p className="muted">This rule set has no numeric thresholds; edit it in the JSON editor.</p>
      ) : (
        groups.map((group) => <Group key={group.id} group={group} onChange={onChange} />)
      )}
    </section>
  );
}

function Group({ group, onChange }: { group: FieldGroup; onChange: Props['onChange'] }) {
  const body = (
    <div className="threshold-fields">
      {group.fields.map((field) => (
        <NumberField key={field.path.join('/')} field={field} onChange={(v) => onChange(field.path, v)} />
      ))}
    </div>
  );
  const check = group.check && (
    <span className={`badge ${group.check.ok ? 'ok' : 'high'}`} role="status">
      {group.check.text}
    </span>
  );
  if (group.headline)
    return (
      <fieldset className="threshold-group">
        <legend>
          {group.title} {check}
        </legend>
        {body}
      </fieldset>
    );
  return (
    <details className="threshold-group">
      <summary>
        {group.title} <span className="muted">({group.fields.length})</span>
      </summary>
      {group.subtitle && <p className="muted threshold-subtitle">{group.subtitle}</p>}
      {body}
    </details>
  );
}

/** Keeps what the person types (an empty or half-typed number) until it is a number worth writing. */
function NumberField({ field, onChange }: { field: NumericField; onChange: (value: number) => void }) {
  const [text, setText] = useState(String(field.value));
  useEffect(() => {
    setText((current) => (current.trim() !== '' && Number(current) === field.value ? current : String(field.value)));
  }, [field.value]);
  const invalid = text.trim() === '' || !Number.isFinite(Number(text));
  return (
    <label className="threshold-field">
      <span>{field.label}</span>
      <input
        type="number"
        step="any"
        inputMode="decimal"
        aria-label={field.name}
        aria-invalid={invalid}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          const n = Number(e.target.value);
          if (e.target.value.trim() !== '' && Number.isFinite(n)) onChange(n);
        }}
      />
    </label>
  );
}
