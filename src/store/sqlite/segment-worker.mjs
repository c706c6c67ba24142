// Starts segment-worker.ts in its thread. A worker does not inherit the TypeScript loader the
// CLI registers at run time (bin/verbatim.js), so it registers its own.
import { register } from 'tsx/esm/api';

register();
await import('./segment-worker.ts');
