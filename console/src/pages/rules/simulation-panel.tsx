import { ErrorPanel, Loading } from '../../components/status';
import { SimulationDiff } from './simulation-diff';
import type { SimulationState } from './use-simulation';

/** The latest simulation's state: running, failed (with the validator's paths) or its diff. */
export function SimulationPanel({ simulation }: { simulation: SimulationState }) {
  switch (simulation.state) {
    case 'idle':
      return null;
    case 'running':
      return <Loading what={`simulation of ${simulation.label} on the portfolio`} />;
    case 'error':
      return <ErrorPanel error={simulation.error} />;
    case 'done':
      return <SimulationDiff report={simulation.report} label={simulation.label} />;
  }
}
