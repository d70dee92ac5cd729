/** One labelled input of the CAC form, with its hint and, after a 400, the API's message for it. */
export function CostField(props: { name: string; required?: boolean; label: string; hint: string; value: string; error?: string; type?: string; step?: string; onChange: (value: string) => void }) {
  const id = `cac-${props.name}`;
  return (
    <div className="cac-field">
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        name={props.name}
        type={props.type ?? 'text'}
        step={props.step}
        inputMode={props.type === 'number' ? 'decimal' : undefined}
        value={props.value}
        aria-required={props.required || undefined}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={`${id}-hint${props.error ? ` ${id}-error` : ''}`}
        onChange={(e) => props.onChange(e.target.value)}
      />
      <small id={`${id}-hint`} className="muted">
        {props.hint}
      </small>
      {props.error && (
        <small id={`${id}-error`} className="field-error">
          {props.error}
        </small>
      )}
    </div>
  );
}
