// Entry point of `npm run export:cmi5`: loads the TypeScript exporter through Vite, as
// export:scorm does, and runs it. See src/node/export-cmi5.ts.
import { runnerImport } from 'vite';

const { module } = await runnerImport(new URL('./export-cmi5.ts', import.meta.url).pathname, { configFile: false, logLevel: 'error' });
try {
  const args = module.parseCmi5Args(process.argv.slice(2));
  await module.exportCmi5({
    ...args,
    out: args.out ?? `crosswalk-${args.pathId}-cmi5.zip`,
    courseDir: process.env.CROSSWALK_COURSE_DIR,
    log: (line) => console.log(line),
  });
} catch (error) {
  console.error(`export:cmi5: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
