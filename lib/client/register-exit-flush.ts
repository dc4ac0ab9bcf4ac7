/** The parts of `process` the exit hooks use; a fake in tests. */
export type ExitProcess = Pick<NodeJS.Process, "on" | "once" | "removeListener" | "listenerCount" | "kill" | "pid">;

/** What the exit hooks flush, and how to report what a signal's deadline cut off. */
export type ExitFlushOptions = {
  flush: () => Promise<void>;
  hasPending: () => boolean;
  /** Called when a signal's wait ran out with items still unsent. */
  reportUnfinished: () => void;
  timeoutMs: number;
  proc?: ExitProcess;
};

const SIGNALS = ["SIGTERM", "SIGINT"] as const;

function defaultProcess(): ExitProcess | null {
  // Absent outside Node (edge runtimes, browsers): there is no exit to hook there.
  return typeof process !== "undefined" && typeof process.once === "function" ? process : null;
}

/** Flushes on `beforeExit`, and on SIGTERM/SIGINT before letting the signal end the process; returns the unregister function. */
export function registerExitFlush(options: ExitFlushOptions): () => void {
  const proc = options.proc ?? defaultProcess();
  if (!proc) return () => {};

  // beforeExit fires whenever the loop empties; the flush's request keeps the process alive, and
  // the next beforeExit finds nothing pending, so this cannot loop.
  const onBeforeExit = () => {
    if (options.hasPending()) void options.flush();
  };

  const unregister = () => {
    proc.removeListener("beforeExit", onBeforeExit);
    for (const signal of SIGNALS) proc.removeListener(signal, onSignal);
  };

  const onSignal = (signal: NodeJS.Signals) => {
    unregister();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const deadline = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(true), options.timeoutMs);
    });
    void Promise.race([options.flush().then(() => false), deadline]).then((timedOut) => {
      clearTimeout(timer);
      if (timedOut) options.reportUnfinished();
      // Listening to a signal cancels Node's default exit. With our listener gone, re-raising gets it
      // back; if the app listens too, the signal is the app's to handle and we leave it alone.
      if (proc.listenerCount(signal) === 0) proc.kill(proc.pid, signal);
    });
  };

  proc.on("beforeExit", onBeforeExit);
  for (const signal of SIGNALS) proc.once(signal, onSignal);
  return unregister;
}
