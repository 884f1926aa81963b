// Runs one of the authoring scripts in src/node/ (TypeScript) from `npm run`:
//   node src/node/run.mjs check-content [course folder]
//   node src/node/run.mjs new-module <module-id>
//   node src/node/run.mjs article-runs <source article .txt>
// Vite (installed with Astro) loads the TypeScript and its extensionless imports the same way
// the build does, so a fresh clone needs nothing more than `npm install`.
import { runnerImport } from 'vite';
import { fileURLToPath } from 'node:url';

const SCRIPTS = { 'check-content': './check-content.ts', 'new-module': './new-module.ts', 'article-runs': './article-runs.ts' };
const [name, ...args] = process.argv.slice(2);
const script = SCRIPTS[name];
if (!script) {
  console.error(`usage: node src/node/run.mjs <${Object.keys(SCRIPTS).join(' | ')}> [arguments]`);
  process.exit(2);
}
const { module } = await runnerImport(fileURLToPath(new URL(script, import.meta.url)), {
  configFile: false,
  logLevel: 'error',
  server: { watch: null },
});
process.exitCode = await module.main(args);
