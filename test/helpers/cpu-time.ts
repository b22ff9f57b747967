// CPU time of synchronous work, for the tests that bound how long something takes (no quadratic
// blow-up, no catastrophic backtracking). Wall time grows with whatever else runs on the machine
// (a test that allowed 8 s wall failed at load 23 on two cores); the CPU time this process spends
// on the work does not. User + system time of the whole process: the test's own thread does the
// work, the rest of the process is idle meanwhile (a little garbage collection on helper threads
// is counted, which only makes the bound stricter).

/** Runs `work` and returns its result with the CPU milliseconds it took. */
export function cpuTimed<T>(work: () => T): { result: T; cpuMs: number } {
  const started = process.cpuUsage();
  const result = work();
  const used = process.cpuUsage(started);
  return { result, cpuMs: (used.user + used.system) / 1000 };
}
