import { PERSON_ROLES, ROLE_HINTS, ROLE_LABELS, type Role } from '../../auth/roles';

interface Props {
  legend: string;
  value: Role[];
  onChange: (roles: Role[]) => void;
  error?: string;
  /** Roles that cannot be unticked here, with why (an admin keeping their own admin role). */
  locked?: { role: Role; reason: string };
  disabled?: boolean;
}

/** A person's roles: one checkbox each, with what the role is for. */
export function RoleCheckboxes({ legend, value, onChange, error, locked, disabled }: Props) {
  const toggle = (role: Role, on: boolean) => onChange(on ? [...value.filter((r) => r !== role), role] : value.filter((r) => r !== role));
  return (
    <fieldset className="role-checkboxes" aria-invalid={error ? true : undefined} disabled={disabled}>
      <legend>{legend}</legend>
      {PERSON_ROLES.map((role) => {
        const isLocked = locked?.role === role && value.includes(role);
        return (
          <label key={role} className="role-choice">
            <input type="checkbox" checked={value.includes(role)} disabled={isLocked} onChange={(e) => toggle(role, e.target.checked)} />
            <span>
              {ROLE_LABELS[role]} <span className="muted">— {isLocked ? locked.reason : ROLE_HINTS[role]}</span>
            </span>
          </label>
        );
      })}
      {error && <span className="field-error">{error}</span>}
    </fieldset>
  );
}
