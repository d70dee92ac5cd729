import type { Validation } from './use-rule-validation';

/** One line under the editor saying where validation stands (announced politely to screen readers by the editor). */
export function ValidationStatus({ validation }: { validation: Validation }) {
  switch (validation.state) {
    case 'syntax':
      return <p className="validation-status bad">Not valid JSON: fix the syntax error above; the rule validator runs once it parses.</p>;
    case 'pending':
      return <p className="validation-status muted">Checking with the service's validator…</p>;
    case 'error':
      return <p className="validation-status bad">Could not validate: {validation.error.message}</p>;
    case 'checked': {
      const errors = validation.issues.filter((i) => i.severity === 'error').length;
      const warnings = validation.issues.length - errors;
      const warned = warnings ? ` (${warnings} warning${warnings === 1 ? '' : 's'})` : '';
      return validation.valid ? (
        <p className="validation-status good">Valid: the service accepts this rule set{warned}.</p>
      ) : (
        <p className="validation-status bad">
          {errors} error{errors === 1 ? '' : 's'}{warned}: fix {errors === 1 ? 'it' : 'them'} to save, simulate or publish.
        </p>
      );
    }
  }
}
