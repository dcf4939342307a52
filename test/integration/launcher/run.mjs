#!/usr/bin/env node
// Runs the integration suites inside a real VS Code, headless and offline:
//   code-server (VS Code 1.100.3 server from npm) hosts the extension in its Node extension host, and
//   Debian's Chromium, driven by playwright-core, opens the workbench that boots it.
// The suites (out/test/integration/*.test.js, built by `npm run build`) run through
// out/test/integration/index.js; when its run() settles, the workbench calls
// window.codeAutomationExit(code) — the contract @vscode/test-web uses — and we exit with it.
// Exit codes: 0 passed, 1 tests failed, 2 infrastructure problem or timeout.
//
// Usage: node test/integration/launcher/run.mjs [--timeout SECONDS] [--verbose] [--keep] [--grep PATTERN]
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, cpSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..', '..');
const require = createRequire(import.meta.url);

const argv = process.argv.slice(2);
const flag = (name) => argv.includes(`--${name}`);
const option = (name, fallback) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : fallback;
};
const timeoutMs = Number(option('timeout', process.env.PIZARRA_TEST_TIMEOUT ?? 420)) * 1000;
const verbose = flag('verbose') || Boolean(process.env.PIZARRA_TEST_VERBOSE);
const t0 = Date.now();
const log = (...a) => console.error(`[vscode-tests ${((Date.now() - t0) / 1000).toFixed(1)}s]`, ...a);

// ---- prerequisites ------------------------------------------------------------------------------
const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (!existsSync(chromiumPath)) {
  console.error(`Chromium is missing (looked for ${chromiumPath}).\n` +
    '  The integration tests drive VS Code\'s workbench in Debian\'s Chromium. Install it with:\n' +
    '    apt-get update && apt-get install -y chromium\n' +
    '  or point CHROMIUM_PATH at another Chromium build.');
  process.exit(2);
}
const suiteIndex = path.join(root, 'out', 'test', 'integration', 'index.js');
if (!existsSync(suiteIndex)) {
  console.error(`No compiled suites at ${suiteIndex}: run \`npm run build\` first.`);
  process.exit(2);
}
const csPrefix = process.env.CODE_SERVER_PREFIX || path.join(root, '.vscode-test', 'code-server');
const csDir = path.join(csPrefix, 'node_modules', 'code-server');
if (!existsSync(path.join(csDir, 'out', 'node', 'entry.js'))) {
  log('code-server is not installed yet: installing it into', csPrefix);
  const r = spawnSync('bash', [path.join(here, 'install-code-server.sh')], { stdio: 'inherit', env: { ...process.env, CODE_SERVER_PREFIX: csPrefix } });
  if (r.status !== 0) process.exit(2);
}
const { chromium } = require('playwright-core');

// ---- a fresh workspace, user-data and result file per run ---------------------------------------
const tmp = mkdtempSync(path.join(tmpdir(), 'pizarra-vscode-'));
const workspace = path.join(tmp, 'workspace');
cpSync(path.join(root, 'test', 'integration', 'workspace'), workspace, { recursive: true });
const resultFile = path.join(tmp, 'result.json');
const userDir = path.join(tmp, 'user-data', 'User');
mkdirSync(userDir, { recursive: true });
// Quiet, offline workbench: no gallery, updates, telemetry, git or trust prompts.
writeFileSync(path.join(userDir, 'settings.json'), JSON.stringify({
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'workbench.startupEditor': 'none',
  'workbench.enableExperiments': false,
  'workbench.tips.enabled': false,
  'git.enabled': false,
  'security.workspace.trust.enabled': false,
}, null, 2));

const port = await new Promise((resolve, reject) => {
  const s = net.createServer();
  s.on('error', reject);
  s.listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => resolve(p)); });
});
const host = `127.0.0.1:${port}`;
writeFileSync(path.join(tmp, 'config.yaml'), `bind-addr: ${host}\nauth: none\ncert: false\n`);

log('starting code-server on', host);
const server = spawn(process.execPath, [
  path.join(csDir, 'out', 'node', 'entry.js'),
  '--config', path.join(tmp, 'config.yaml'),
  '--bind-addr', host,
  '--auth', 'none',
  '--user-data-dir', path.join(tmp, 'user-data'),
  '--extensions-dir', path.join(tmp, 'extensions'),
  '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
  '--disable-getting-started-override', '--disable-proxy', '--ignore-last-opened',
], {
  env: {
    ...process.env,
    EXTENSIONS_GALLERY: '{}',
    PIZARRA_TEST_RESULT_FILE: resultFile,
    PIZARRA_TEST_GREP: option('grep', process.env.PIZARRA_TEST_GREP ?? ''),
    PIZARRA_TEST_ARTIFACTS: path.join(root, 'test-artifacts'),
  },
  stdio: ['ignore', 'pipe', 'pipe'],
  detached: true, // its own process group: the extension host dies with it
});
let serverLog = '';
const onServer = (d) => {
  serverLog += d;
  if (verbose) { process.stderr.write(`[code-server] ${d}`); return; }
  // An extension whose engines.vscode is too new is skipped silently: always show such lines.
  for (const line of String(d).split('\n')) {
    if (/not compatible|Cannot activate|Activating extension .* failed/i.test(line)) process.stderr.write(`[code-server] ${line}\n`);
  }
};
server.stdout.on('data', onServer);
server.stderr.on('data', onServer);
let serverExited = false;
server.on('exit', () => { serverExited = true; });

let browser;
let done = false;
async function finish(code, why) {
  if (done) return;
  done = true;
  log(`${why} -> exit ${code}`);
  try { await browser?.close(); } catch { /* already gone */ }
  try { process.kill(-server.pid, 'SIGTERM'); } catch { /* already gone */ }
  await new Promise((r) => setTimeout(r, 300));
  try { process.kill(-server.pid, 'SIGKILL'); } catch { /* already gone */ }
  if (!flag('keep')) rmSync(tmp, { recursive: true, force: true });
  process.exit(code);
}
process.on('SIGINT', () => finish(2, 'interrupted'));
process.on('SIGTERM', () => finish(2, 'terminated'));
const timer = setTimeout(() => {
  if (!verbose) process.stderr.write(serverLog.slice(-4000));
  void finish(2, `timeout after ${timeoutMs / 1000}s`);
}, timeoutMs);

for (let i = 0; ; i++) {
  if (serverExited) { console.error(serverLog); await finish(2, 'code-server exited early'); }
  try { if ((await fetch(`http://${host}/healthz`)).ok) break; } catch { /* not up yet */ }
  if (i > 600) await finish(2, 'code-server did not come up');
  await new Promise((r) => setTimeout(r, 100));
}
log('code-server is up');

const remote = (p) => `vscode-remote://${host}${p}`;
const payload = [
  ['extensionDevelopmentPath', remote(root)],
  ['extensionTestsPath', remote(suiteIndex)],
  ['skipWelcome', 'true'],
  ['skipReleaseNotes', 'true'],
];
const url = `http://${host}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;

try {
  browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-default-apps'],
  });
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 860 } })).newPage();
  // The workbench logs its own chatter through the same channel; keep mocha's output readable.
  const noise = /^(Ignoring fetching additional builtin|Creating a socket|Resolving connection token|Resolved connection token|\[Service Worker\]|ChatSessionStore|Updating additional builtin|Sending response failed|Error: Trying to add a disposable to a DisposableStore)/;
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const parts = Array.isArray(args) ? args : [args];
    if (!verbose && noise.test(String(parts[0] ?? ''))) return;
    (console[type] ?? console.log).apply(console, parts);
  });
  await page.exposeFunction('codeAutomationExit', async (code) => {
    clearTimeout(timer);
    let exit = code === 0 ? 0 : 1;
    if (existsSync(resultFile)) {
      const r = JSON.parse(readFileSync(resultFile, 'utf8'));
      console.log(`integration: ${r.passes} passed, ${r.failures} failed`);
      if (r.failures > 0 || r.tests === 0) exit = 1;
      // Failures that all name the test machine (VS Code's own Markdown language server never answered):
      // infrastructure, exit 2, which npm test retries.
      if (r.failures > 0 && r.infra === r.failures) {
        log('every failure is an infrastructure problem, not a test verdict');
        exit = 2;
      }
    } else {
      log('the suite wrote no result file');
      exit = exit || 1;
    }
    setTimeout(() => void finish(exit, 'extension host finished'), 0);
  });
  page.on('console', (m) => { if (verbose) process.stderr.write(`[browser:${m.type()}] ${m.text()}\n`); });
  page.on('pageerror', (e) => { if (verbose) process.stderr.write(`[browser:error] ${e}\n`); });
  page.on('crash', () => void finish(2, 'the workbench page crashed'));
  browser.on('disconnected', () => void finish(2, 'the browser disconnected'));
  log('opening the workbench');
  await page.goto(url);
} catch (e) {
  log('launcher error:', e?.stack ?? e);
  await finish(2, 'launcher error');
}
