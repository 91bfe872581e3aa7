/** A one-line progress display on stderr (the results table goes to stdout). */
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
    const pct = ((this.done_ / this.total) * 100).toFixed(0);
    const rate = Math.round(this.done_ / ((now - this.started) / 1000));
    const width = 30;
    const filled = Math.round((this.done_ / this.total) * width);
    process.stderr.write(`\r  ${this.label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${pct}% ${this.done_}/${this.total} ${rate}/s   `);
  }

  done() {
    process.stderr.write('\n');
  }
}
