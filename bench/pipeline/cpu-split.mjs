// Where the machine's CPU goes during a benchmark: every process of the run, from /proc (Linux).
// The services, sandboxes, broker, store and load generator share the same cores, so a target
// can be out of reach whatever the code under test does; this split shows by how much.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { runningPid } from '../../tools/stack/processes.mjs';

const TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }));

/** User plus system CPU time of a process so far, in ms; undefined once it is gone. */
function cpuMs(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name; utime and stime are the 14th and 15th of the line.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

/**
 * Starts counting the CPU of the stack's services, the local Kafka and mongod (when this
 * machine runs them: `node tools/stack/cli.mjs start`), and this benchmark process itself.
 */
export function startCpuSplit(stack) {
  const pids = { ...stack.pids, kafka: runningPid('kafka'), mongod: runningPid('mongod'), 'benchmark client': process.pid };
  const counted = Object.entries(pids).filter(([, pid]) => pid !== undefined && cpuMs(pid) !== undefined);
  const startedAt = performance.now();
  const atStart = new Map(counted.map(([name, pid]) => [name, cpuMs(pid)]));
  return {
    /** CPU ms per process since the start, and the wall-clock seconds. */
    stop() {
      const seconds = (performance.now() - startedAt) / 1000;
      const used = counted.map(([name, pid]) => ({ name, ms: (cpuMs(pid) ?? atStart.get(name)) - atStart.get(name) }));
      return { seconds, used: used.sort((a, b) => b.ms - a.ms) };
    },
  };
}

/** Prints CPU ms per unit of work (a hire, a webhook, a person) for each process, and the cores busy. */
export function printCpuSplit({ seconds, used }, units, unit) {
  const total = used.reduce((sum, { ms }) => sum + ms, 0);
  console.log(`CPU per ${unit} (${units.toLocaleString('en-US')} over ${seconds.toFixed(1)} s; ${(total / 1000 / seconds).toFixed(2)} cores busy on average):`);
  for (const { name, ms } of used) console.log(`  ${name.padEnd(18)} ${(ms / units).toFixed(2).padStart(6)} ms  ${((100 * ms) / total).toFixed(0).padStart(3)}%`);
  console.log(`  ${'all'.padEnd(18)} ${(total / units).toFixed(2).padStart(6)} ms`);
}
