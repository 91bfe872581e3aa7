// A job thread that dies once: the first thread started while RAPPORT_TEST_CRASH_MARKER names a
// missing file creates it, starts as the real thread does, and exits soon after it is ready.
// Threads started after that run normally. For the restart test of job-thread.ts.
import fs from 'node:fs';
import { register } from 'tsx/esm/api';

register();
const marker = process.env.RAPPORT_TEST_CRASH_MARKER;
const first = marker !== undefined && !fs.existsSync(marker);
if (first) fs.writeFileSync(marker, 'crashed once');
await import('../../src/server/job-thread.worker.ts');
if (first) setTimeout(() => process.exit(3), 200);
