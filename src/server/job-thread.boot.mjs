// The job thread's entry (see job-thread.ts). The server's sources are TypeScript, run through
// tsx as `bin/rapport.mjs` runs them; a worker thread does not inherit hooks registered in code.
import { register } from 'tsx/esm/api';

register();
await import('./job-thread.worker.ts');
