// Properties that exercise the runner's own limits (limits.test.ts): one call that uses more CPU than
// LIMITS.callMs, and one that waits longer than that in wall time while using next to no CPU.
import fc from 'fast-check';
import { LIMITS, bounded, cpuMsSince, type PropertySet } from './bounded-property.ts';

export const properties: PropertySet = {
  busyCall: bounded(fc.constant(0), () => {
    const started = process.cpuUsage();
    let spins = 0;
    while (cpuMsSince(started) < LIMITS.callMs + 500) spins++;
    return spins;
  }, 1),
  waitingCall: bounded(fc.constant(0), () => new Promise((resolve) => setTimeout(resolve, LIMITS.callMs + 1_000)), 1),
};
