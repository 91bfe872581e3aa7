type Report = { label: string; done: number; total: number; rate: number };

/**
 * A one-line progress display on stderr (the results table goes to stdout). In a load process
 * started by the bench (it has an IPC channel) it reports to the parent, which draws every lane.
 */
export class Progress {
  private done_ = 0;
  private readonly started = performance.now();
  private last = 0;
  constructor(
    private readonly label: string,
    private readonly total: number,
  ) {}

  add(n: number) {
    this.done_ += n;
    const now = performance.now();
    if (now - this.last < 250 && this.done_ < this.total) return;
    this.last = now;
    const report: Report = { label: this.label, done: this.done_, total: this.total, rate: Math.round(this.done_ / ((now - this.started) / 1000)) };
    if (process.send) process.send({ progress: report });
    else process.stderr.write(`\r  ${bar(report)}   `);
  }

  done() {
    if (!process.send) process.stderr.write('\n');
  }
}

function bar({ label, done, total, rate }: Report, width = 30): string {
  const filled = Math.round((done / total) * width);
  return `${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${((done / total) * 100).toFixed(0)}% ${done}/${total} ${rate}/s`;
}

/** Draws the progress of several load processes on one line, one part per lane. */
export class ProgressBoard {
  private readonly lanes = new Map<string, Report>();
  private last = 0;

  update(lane: string, report: Report) {
    this.lanes.set(lane, report);
    const now = performance.now();
    if (now - this.last < 250) return;
    this.last = now;
    const parts = [...this.lanes].map(([name, r]) => `${name} ${bar(r, 12)}`);
    process.stderr.write(`\r  ${parts.join(' | ')}   `);
  }

  done() {
    process.stderr.write('\n');
  }
}
