/**
 * What an LMS's import (and ADL's conformance suite) checks of a SCORM package, for the unit and
 * browser tests: the manifest validates against the XML Schemas its xsi:schemaLocation names,
 * read from the package itself; and every file the manifest names is in the package.
 *
 * Validation is xmllint's (Debian's libxml2-utils; .ci/run installs it when missing), with no
 * network: a schema the package lacks is a failure, not a download.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';

/** Namespace → schema file, from the manifest's xsi:schemaLocation. */
export function schemaLocations(manifest: string): Map<string, string> {
  const attr = /xsi:schemaLocation="([^"]*)"/.exec(manifest)?.[1];
  if (!attr) throw new Error('the manifest names no schemas (xsi:schemaLocation)');
  const parts = attr.trim().split(/\s+/);
  if (parts.length % 2) throw new Error('xsi:schemaLocation is not namespace/location pairs');
  const out = new Map<string, string>();
  for (let i = 0; i < parts.length; i += 2) out.set(parts[i]!, parts[i + 1]!);
  return out;
}

/** Files the manifest names: schema locations, resource hrefs and their <file>s, decoded. */
export function namedFiles(manifest: string): string[] {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['resource', 'file'].includes(name) });
  const root = parser.parse(manifest).manifest;
  const out = new Set(schemaLocations(manifest).values());
  for (const resource of root.resources.resource ?? []) {
    if (resource['@href']) out.add(decodeURIComponent(resource['@href']));
    for (const file of resource.file ?? []) out.add(file['@href'].split('/').map(decodeURIComponent).join('/'));
  }
  return [...out].sort();
}

export interface SchemaVerdict {
  valid: boolean;
  output: string;
}

/**
 * Validates imsmanifest.xml against the schemas in the package: the package's files are
 * written to a folder, with one more schema that imports each named namespace from the file the
 * manifest names (xmllint takes one schema), and xmllint checks the manifest against it.
 */
export function validateManifest(entries: Record<string, Uint8Array>): SchemaVerdict {
  const manifest = Buffer.from(entries['imsmanifest.xml'] ?? new Uint8Array()).toString('utf8');
  const dir = mkdtempSync(path.join(tmpdir(), 'crosswalk-manifest-'));
  try {
    for (const [name, bytes] of Object.entries(entries)) {
      if (name.includes('/') || !/\.(xml|xsd|dtd)$/.test(name)) continue; // schemas sit at the root
      writeFileSync(path.join(dir, name), bytes);
    }
    const imports = [...schemaLocations(manifest)]
      .map(([ns, file]) => `  <xs:import namespace="${ns}" schemaLocation="${file}"/>`)
      .join('\n');
    mkdirSync(path.join(dir, '.check'));
    writeFileSync(path.join(dir, '.check', 'all.xsd'), `<?xml version="1.0"?>\n<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">\n${imports.replace(/schemaLocation="/g, 'schemaLocation="../')}\n</xs:schema>\n`);
    const run = spawnSync('xmllint', ['--noout', '--nonet', '--schema', path.join(dir, '.check', 'all.xsd'), path.join(dir, 'imsmanifest.xml')], { encoding: 'utf8' });
    const output = `${run.stdout ?? ''}${run.stderr ?? ''}${run.error ? String(run.error) : ''}`;
    // xmllint skips an import it cannot load with only a warning: that is a failure here.
    return { valid: run.status === 0 && /imsmanifest\.xml validates/.test(output) && !/warning|failed to load|skipping/i.test(output), output };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
