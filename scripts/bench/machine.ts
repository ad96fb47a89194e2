/** The machine a benchmark ran on, measured at run time (never a fixed description). */
import { execFileSync } from 'node:child_process';
import { cpus, freemem, loadavg, release, totalmem, type } from 'node:os';
import { findChromium } from '../../tests/e2e/harness/chromium';

export interface Machine {
  cpu: string;
  cores: number;
  memoryGB: number;
  os: string;
  node: string;
  chromium: string;
  firefox: string;
  /** One-minute load average when the run started and when it ended: a busy machine shows here. */
  loadStart: number;
  loadEnd?: number;
  freeMemoryGB: number;
}

function version(command: string | null): string {
  if (!command) return 'not found';
  try {
    return execFileSync(command, ['--version'], { encoding: 'utf8', timeout: 10_000 }).trim();
  } catch {
    return 'unknown';
  }
}

export function describeMachine(): Machine {
  const list = cpus();
  return {
    cpu: list[0]?.model.trim() ?? 'unknown',
    cores: list.length,
    memoryGB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    os: `${type()} ${release()}`,
    node: process.version,
    chromium: version(findChromium()),
    firefox: version(process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr'),
    loadStart: Math.round(loadavg()[0]! * 100) / 100,
    freeMemoryGB: Math.round((freemem() / 2 ** 30) * 10) / 10,
  };
}

export function machineLine(m: Machine): string {
  const load = m.loadEnd === undefined ? `${m.loadStart}` : `${m.loadStart} → ${m.loadEnd}`;
  return `${m.cpu}, ${m.cores} cores, ${m.memoryGB} GB; ${m.os}; Node ${m.node}; ${m.chromium}; ${m.firefox}; load average ${load}`;
}
