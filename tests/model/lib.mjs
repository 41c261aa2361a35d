// Helpers for model tests: run b24spec, read its JSON.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const bin = process.env.B24_BIN;
export const root = process.env.B24_ROOT;
export const corpus = process.env.B24_CORPUS;

export function model(...inputs) {
  const out = execFileSync(bin, ['model', ...inputs], { maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'pipe'] });
  return JSON.parse(out.toString());
}

export function run(...args) {
  return spawnSync(bin, args, { maxBuffer: 1 << 30 });
}

export function needCorpus() {
  if (!corpus || !existsSync(`${corpus}/b24restdocs-2026-08-21`)) {
    console.log('SKIP: ../shared/corpus is absent');
    process.exit(77);
  }
}

export const method = (m, name) => {
  const x = m.methods.find((x) => x.name === name);
  if (!x) throw new Error(`no method ${name}`);
  return x;
};
export const param = (ps, name) => {
  const p = ps.find((p) => p.name === name);
  if (!p) throw new Error(`no param ${name} among ${ps.map((p) => p.name)}`);
  return p;
};

// `b24spec stats --json` of a snapshot of the corpus.
export function stats(dir) {
  const r = run('stats', '--json', `${corpus}/${dir}`);
  if (r.status !== 0) throw new Error(r.stderr.toString());
  return JSON.parse(r.stdout.toString());
}
