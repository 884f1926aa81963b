/**
 * imsmanifest.xml: well-formed XML with the structure the SCORM 1.2 and 2004 4th Edition schemas
 * require (namespaces, metadata, one default organization whose item points at one SCO
 * resource, the mastery rule), and every file listed; and, as a package assembled by the export
 * (course files, manifest, the schema files it ships), valid against those schemas by xmllint.
 */
import { describe, expect, test } from 'vitest';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { imsManifest, xmlId, type PackageDescription } from '../../src/lib/lms/scorm-manifest';
import { schemaFiles } from '../../src/node/export-scorm';
import { namedFiles, validateManifest } from '../scorm-package-check';

const files = ['index.html', 'lms/index.html', 'lms/links.js', '_astro/app.js', 'modules/a b/index.html'];
const base: Omit<PackageDescription, 'version'> = {
  identifier: 'crosswalk-new-hire-scorm',
  courseTitle: 'Crosswalk: New-hire <onboarding> & "more"',
  pathTitle: 'New-hire onboarding',
  launch: 'lms/index.html',
  files,
};

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['item', 'resource', 'file', 'organization'].includes(name) });

function parse(xml: string) {
  expect(XMLValidator.validate(xml)).toBe(true);
  return parser.parse(xml).manifest;
}

describe.each(['1.2', '2004'] as const)('SCORM %s manifest', (version) => {
  const xml = imsManifest({ ...base, version });
  const manifest = parse(xml);

  test('is well-formed, with the identifier and the version the schemas expect', () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    expect(manifest['@identifier']).toBe('crosswalk-new-hire-scorm');
    expect(manifest.metadata.schema).toBe('ADL SCORM');
    expect(String(manifest.metadata.schemaversion)).toBe(version === '1.2' ? '1.2' : '2004 4th Edition');
    const ns = version === '1.2'
      ? { '@xmlns': 'http://www.imsproject.org/xsd/imscp_rootv1p1p2', '@xmlns:adlcp': 'http://www.adlnet.org/xsd/adlcp_rootv1p2' }
      : { '@xmlns': 'http://www.imsglobal.org/xsd/imscp_v1p1', '@xmlns:adlcp': 'http://www.adlnet.org/xsd/adlcp_v1p3', '@xmlns:imsss': 'http://www.imsglobal.org/xsd/imsss' };
    expect(manifest).toMatchObject(ns);
  });

  test('one default organization whose item launches one SCO resource', () => {
    const organizations = manifest.organizations;
    const [organization] = organizations.organization;
    expect(organizations['@default']).toBe(organization['@identifier']);
    expect(organization.title).toBe('Crosswalk: New-hire <onboarding> & "more"');
    expect(organization.item).toHaveLength(1);
    const [item] = organization.item;
    expect(item.title).toBe('New-hire onboarding');
    const resources = manifest.resources.resource;
    expect(resources).toHaveLength(1);
    const [resource] = resources;
    expect(item['@identifierref']).toBe(resource['@identifier']);
    expect(resource['@type']).toBe('webcontent');
    expect(resource[version === '1.2' ? '@adlcp:scormtype' : '@adlcp:scormType']).toBe('sco');
    expect(resource['@href']).toBe('lms/index.html');
  });

  test('every file of the package is listed, percent-encoded where needed', () => {
    const listed = manifest.resources.resource[0].file.map((f: Record<string, string>) => f['@href']);
    expect(listed).toEqual(['_astro/app.js', 'index.html', 'lms/index.html', 'lms/links.js', 'modules/a%20b/index.html']);
    expect(listed).toContain(manifest.resources.resource[0]['@href']);
  });

  test('the path counts as mastered only when complete (score 100, scaled 1)', () => {
    const [item] = manifest.organizations.organization[0].item;
    if (version === '1.2') {
      expect(item['adlcp:masteryscore']).toBe(100);
    } else {
      const objective = item['imsss:sequencing']['imsss:objectives']['imsss:primaryObjective'];
      expect(objective['@satisfiedByMeasure']).toBe('true');
      expect(objective['imsss:minNormalizedMeasure']).toBe(1);
      expect(item['imsss:sequencing']['imsss:deliveryControls']).toMatchObject({ '@completionSetByContent': 'true', '@objectiveSetByContent': 'true' });
      // The schema's order: objectives before deliveryControls.
      expect(xml.indexOf('<imsss:objectives>')).toBeLessThan(xml.indexOf('<imsss:deliveryControls'));
    }
  });

  test('identifiers are unique XML ids', () => {
    const ids = [...xml.matchAll(/\sidentifier="([^"]+)"/g)].map((m) => m[1]!);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z_][A-Za-z0-9._-]*$/);
  });
});

test('xmlId makes any text a valid XML id', () => {
  expect(xmlId('1st path')).toBe('_1st-path');
  expect(xmlId('crosswalk-new-hire')).toBe('crosswalk-new-hire');
});

describe.each(['1.2', '2004'] as const)('SCORM %s package: manifest against the schemas it ships', (version) => {
  const manifest = imsManifest({ ...base, version });
  const entries: Record<string, Uint8Array> = {
    ...Object.fromEntries(files.map((f) => [f, new Uint8Array([1])])),
    ...schemaFiles(version),
    'imsmanifest.xml': new Uint8Array(Buffer.from(manifest, 'utf8')),
  };

  test('the manifest is valid against the XSDs in the package (xmllint, no network)', () => {
    const verdict = validateManifest(entries);
    expect(verdict.output).toContain('validates');
    expect(verdict.valid, verdict.output).toBe(true);
  });

  test('every file the manifest names (schemas, launch, resource files) is in the package', () => {
    const named = namedFiles(manifest);
    expect(named).toEqual(expect.arrayContaining(['lms/index.html', 'modules/a b/index.html']));
    expect(named.filter((f) => f.endsWith('.xsd')).length).toBeGreaterThanOrEqual(version === '1.2' ? 3 : 5);
    expect(named.filter((f) => !(f in entries))).toEqual([]);
  });

  test('controls: a missing schema file or an element the schema does not allow fails', () => {
    const firstSchema = namedFiles(manifest).find((f) => f.endsWith('.xsd'))!;
    const { [firstSchema]: _gone, ...withoutSchema } = entries;
    expect(validateManifest(withoutSchema).valid).toBe(false);
    const bad = manifest.replace('<organizations', '<organisations-typo/><organizations');
    expect(validateManifest({ ...entries, 'imsmanifest.xml': new Uint8Array(Buffer.from(bad, 'utf8')) }).valid).toBe(false);
  });
});
