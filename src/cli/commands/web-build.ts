import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

function newestMtime(dir: string): number {
  let newest = 0;
  if (!fs.existsSync(dir)) return 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

/** Builds the web app when dist/web is missing or older than its sources. */
export async function ensureWebBuild(root = process.cwd()) {
  const index = path.join(root, 'dist/web/index.html');
  const sources = Math.max(newestMtime(path.join(root, 'src/web')), newestMtime(path.join(root, 'src/contract')));
  if (!fs.existsSync(path.join(root, 'vite.config.ts')) || !fs.existsSync(path.join(root, 'src/web'))) return;
  if (fs.existsSync(index) && fs.statSync(index).mtimeMs >= sources) return;
  const vite = path.join(root, 'node_modules/.bin/vite');
  if (!fs.existsSync(vite)) {
    console.warn('The web app is not built and Vite is not installed (npm ci installs it); serving the API only.');
    return;
  }
  console.log('Building the web app…');
  const res = spawnSync(vite, ['build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (res.status !== 0) throw new Error('The web app build failed');
}
