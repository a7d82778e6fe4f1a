// What the evaluation commands share: compute a report, print it as JSON or as text, and turn a
// failure into one error line and exit code 1.
export async function printReport<T>(compute: () => Promise<T>, json: boolean | undefined, format: (report: T) => Promise<string>): Promise<void> {
  let report: T;
  try {
    report = await compute();
  } catch (e) {
    process.stderr.write(`error: ${(e as Error).message}\n`);
    process.exitCode = 1;
    return;
  }
  process.stdout.write(`${json ? JSON.stringify(report) : await format(report)}\n`);
}
