// Where npm start sends a service's output: every line to .local/logs/<service>.log, and only
// warnings and errors to the terminal, pretty-printed, so the banner stays the last thing shown.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import readline from 'node:readline';
import { LOGS, ROOT } from '../stack/paths.mjs';

const WARN = 40;
// Required when first used: npm start imports this before it has installed node_modules.
const requireFromRoot = createRequire(path.join(ROOT, 'package.json'));

export function serviceLogFile(name) {
  return path.join(LOGS, `${name}.log`);
}

/** Tees a child's stdout (pino JSON) and stderr into its log file and the terminal's share. */
export function routeServiceOutput(name, child, { colorize = process.stdout.isTTY } = {}) {
  fs.mkdirSync(LOGS, { recursive: true });
  const file = fs.createWriteStream(serviceLogFile(name), { flags: 'a' });
  const pretty = requireFromRoot('pino-pretty').prettyFactory({ colorize, messageFormat: `[${name}] {msg}`, ignore: 'pid,hostname,service', translateTime: 'SYS:HH:MM:ss.l' });
  let open = 2;
  const closeOne = () => { if (--open === 0) file.end(); };
  readline.createInterface({ input: child.stdout, crlfDelay: Infinity }).on('close', closeOne).on('line', (line) => {
    file.write(`${line}\n`);
    const level = levelOf(line);
    // A line that is not pino JSON is shown: it is rare and nobody asked for it to be hidden.
    if (level === undefined) process.stdout.write(`[${name}] ${line}\n`);
    else if (level >= WARN) process.stdout.write(pretty(line));
  });
  readline.createInterface({ input: child.stderr, crlfDelay: Infinity }).on('close', closeOne).on('line', (line) => {
    file.write(`${line}\n`);
    process.stderr.write(`[${name}] ${line}\n`);
  });
}

function levelOf(line) {
  try {
    const { level } = JSON.parse(line);
    return typeof level === 'number' ? level : undefined;
  } catch {
    return undefined;
  }
}
