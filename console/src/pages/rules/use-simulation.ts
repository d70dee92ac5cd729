import { useCallback, useRef, useState } from 'react';
import { api } from '../../api/client';
import type { SimulationReport } from './rule-types';

export type Candidate = { document: unknown } | { version: number };

export type SimulationState =
  | { state: 'idle' }
  | { state: 'running'; label: string }
  | { state: 'done'; label: string; report: SimulationReport }
  | { state: 'error'; label: string; error: Error };

/** Runs `POST /rule-sets/:kind/simulate` (writes nothing) and keeps the latest answer; `label` says what was simulated. */
export function useSimulation(kind: string) {
  const [simulation, setSimulation] = useState<SimulationState>({ state: 'idle' });
  const seq = useRef(0);
  const run = useCallback(
    (candidate: Candidate, label: string) => {
      const mine = ++seq.current;
      setSimulation({ state: 'running', label });
      api.send<SimulationReport>('POST', `/rule-sets/${encodeURIComponent(kind)}/simulate`, candidate).then(
        (report) => mine === seq.current && setSimulation({ state: 'done', label, report }),
        (error: Error) => mine === seq.current && setSimulation({ state: 'error', label, error }),
      );
    },
    [kind],
  );
  const reset = useCallback(() => {
    seq.current++;
    setSimulation({ state: 'idle' });
  }, []);
  return { simulation, run, reset };
}
