// A progress bar for long batch commands. It draws on stderr only when stderr is a terminal, so
// piped or redirected output (and stdout, which carries results) stays clean.

export interface Progress {
  /** Advances by `n` (default 1); `note` (e.g. the current file) is shown after the bar. */
  tick(n?: number, note?: string): void;
  /** Clears the bar's line. */
  done(): void;
}

const WIDTH = 30;
/** Redraws at most this often, so a fast batch is not slowed by terminal writes. */
const MIN_INTERVAL_MS = 80;

/** A progress bar over `total` steps, or a running count when the total is unknown (null). */
export function createProgress(total: number | null, label: string, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY) return { tick() {}, done() {} };
  let count = 0;
  let last = 0;
  let drawn = false;
  const draw = (note: string): void => {
    const columns = stream.columns || 80;
    let line: string;
    if (total !== null && total > 0) {
      const share = Math.min(1, count / total);
      const filled = Math.round(share * WIDTH);
      line = `${label} [${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ${count}/${total} ${Math.round(share * 100)}%`;
    } else {
      line = `${label} ${count}`;
    }
    if (note) line += ` ${note}`;
    stream.write(`\r${line.slice(0, columns - 1)}\u001b[K`);
    drawn = true;
  };
  return {
    tick(n = 1, note = '') {
      count += n;
      const now = Date.now();
      if (now - last >= MIN_INTERVAL_MS || count === total) {
        last = now;
        draw(note);
      }
    },
    done() {
      if (drawn) stream.write('\r\u001b[K');
    },
  };
}
