/**
 * Draws a page again once storage changes have settled: a change is taken in at once (cheap),
 * and drawn when no other has come for a moment, or at the latest a little after the first. So
 * a burst of changes is drawn once, and drawing never stands in front of a reply the page waits
 * for (a log's acknowledgement arrives just after the change it stored).
 */
export const QUIET_MS = 40;
export const LATEST_MS = 160;

export function drawSoon(draw: () => void): () => void {
  let quiet: ReturnType<typeof setTimeout> | undefined;
  let latest: ReturnType<typeof setTimeout> | undefined;
  const run = () => {
    clearTimeout(quiet);
    clearTimeout(latest);
    quiet = latest = undefined;
    draw();
  };
  return () => {
    clearTimeout(quiet);
    quiet = setTimeout(run, QUIET_MS);
    latest ??= setTimeout(run, LATEST_MS);
  };
}
