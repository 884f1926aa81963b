// Entry point of `npm run export:scorm`: loads the TypeScript exporter through Vite (the
// project's own toolchain, no extra dependency) and runs it. See src/node/export-scorm.ts.
import { runnerImport } from 'vite';

const { module } = await runnerImport(new URL('./export-scorm.ts', import.meta.url).pathname, { configFile: false, logLevel: 'error' });
try {
  const args = module.parseArgs(process.argv.slice(2));
  const version = args.version.replace('.', '');
  await module.exportScorm({
    ...args,
    out: args.out ?? `crosswalk-${args.pathId}-scorm${version}.zip`,
    courseDir: process.env.CROSSWALK_COURSE_DIR,
    log: (line) => console.log(line),
  });
} catch (error) {
  console.error(`export:scorm: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
