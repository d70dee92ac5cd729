import type { PersonOption, UserRow } from './admin-types';

interface Props {
  id: string;
  value: string;
  onChange: (personId: string) => void;
  people: PersonOption[];
  users: UserRow[];
  /** The user being edited (their own link is not "taken"). */
  self?: string;
  error?: string;
}

/** Links a user to the firm person they are (tasks and account-manager scoping follow the person). */
export function PersonSelect({ id, value, onChange, people, users, self, error }: Props) {
  const takenBy = new Map(users.filter((u) => u.personId && u.id !== self).map((u) => [u.personId!, u.email]));
  return (
    <div className="field">
      <label htmlFor={id}>Person in the firm</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} aria-invalid={error ? true : undefined}>
        <option value="">Not linked</option>
        {people.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name} ({p.title.replace(/_/g, ' ')}){takenBy.has(p.id) ? ` — also ${takenBy.get(p.id)}` : ''}
          </option>
        ))}
      </select>
      {error && <span className="field-error">{error}</span>}
    </div>
  );
}
