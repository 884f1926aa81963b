/**
 * What kind of build this is, read once at build time. `npm run export:scorm`
 * (src/node/export-scorm.ts) sets CROSSWALK_SCORM_PATH for a package build.
 */

/**
 * A SCORM package runs inside an LMS, which serves it from its own address and decides when it
 * changes: no service worker there (no offline copy, no "new version" prompt).
 */
export const SCORM_BUILD = Boolean(process.env.CROSSWALK_SCORM_PATH);
