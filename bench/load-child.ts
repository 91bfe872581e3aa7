// A load in its own process, so the bench can fill SQLite and PostgreSQL at the same time.
// Started by run.ts with an IPC channel: progress and the result go back to it as messages.
import { loadData } from './load-data';

const contacts = Number(process.env.BENCH_CONTACTS);
const loaded = await loadData({}, contacts);
process.send!({ loaded }, () => process.exit(0));
