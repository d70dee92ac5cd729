// Tests bundle the workflow sources directly (the SDK transpiles TS and maps our `.js`
// import suffixes to `.ts`), so they always exercise the current code, never dist/.
import { fileURLToPath } from 'node:url';

export const WORKFLOWS_PATH = fileURLToPath(new URL('../../workflows/index.ts', import.meta.url));
