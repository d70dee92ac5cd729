import { useCallback, useEffect, useState } from 'react';
import { api, ApiError } from './client';

export type Loadable<T> =
  | { state: 'loading'; data?: undefined; error?: undefined }
  | { state: 'error'; data?: undefined; error: ApiError | Error }
  | { state: 'ready'; data: T; error?: undefined };

/** GETs `path` (null = nothing to load yet), with loading and error states and a reload. */
export function useApi<T>(path: string | null): Loadable<T> & { reload: () => void } {
  const [result, setResult] = useState<Loadable<T>>({ state: 'loading' });
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    if (path === null) return;
    const controller = new AbortController();
    setResult((previous) => (previous.state === 'ready' ? previous : { state: 'loading' }));
    api.get<T>(path, controller.signal).then(
      (data) => setResult({ state: 'ready', data }),
      (error: Error) => {
        if (!controller.signal.aborted) setResult({ state: 'error', error });
      },
    );
    return () => controller.abort();
  }, [path, generation]);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { ...result, reload };
}
