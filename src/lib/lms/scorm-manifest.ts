/**
 * imsmanifest.xml for a SCORM package of one learning path: SCORM 1.2 (ADL SCORM 1.2 with a
 * mastery score) or SCORM 2004 4th Edition (a primary objective satisfied by a normalized
 * measure of 1). One organization, one item, one SCO resource that lists every file of the
 * package. Pure: the export (src/node/export-scorm.ts) supplies the file list.
 */
import type { ScormVersion } from './scorm';

export interface PackageDescription {
  version: ScormVersion;
  /** Unique and stable for this course and path: the LMS matches re-uploads by it. */
  identifier: string;
  /** The course title (organization) and the path title (item). */
  courseTitle: string;
  pathTitle: string;
  /** Launch file, relative to the package root. */
  launch: string;
  /** Every file of the package except imsmanifest.xml, relative, with forward slashes. */
  files: string[];
}

/** The scaled score (0–1) at which the path counts as mastered: every module complete. */
export const MASTERY_SCALED = 1;

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** XML ids (xs:ID) are NCNames: a letter or underscore first, then letters, digits, . - _ */
export function xmlId(text: string): string {
  const cleaned = text.replace(/[^A-Za-z0-9._-]+/g, '-');
  return /^[A-Za-z_]/.test(cleaned) ? cleaned : `_${cleaned}`;
}

/** A file's href as a URI reference: each path segment percent-encoded. */
const fileHref = (file: string) => file.split('/').map(encodeURIComponent).join('/');

function fileList(files: string[], indent: string): string {
  return [...files]
    .sort()
    .map((f) => `${indent}<file href="${escapeXml(fileHref(f))}"/>`)
    .join('\n');
}

export function imsManifest(pkg: PackageDescription): string {
  const id = xmlId(pkg.identifier);
  const course = escapeXml(pkg.courseTitle);
  const path = escapeXml(pkg.pathTitle);
  const launch = escapeXml(fileHref(pkg.launch));
  const files = fileList(pkg.files, '      ');
  if (pkg.version === '1.2') {
    return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${id}" version="1.0"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="${id}-org">
    <organization identifier="${id}-org">
      <title>${course}</title>
      <item identifier="${id}-item" identifierref="${id}-sco" isvisible="true">
        <title>${path}</title>
        <adlcp:masteryscore>${Math.round(MASTERY_SCALED * 100)}</adlcp:masteryscore>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="${id}-sco" type="webcontent" adlcp:scormtype="sco" href="${launch}">
${files}
    </resource>
  </resources>
</manifest>
`;
  }
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${id}" version="1"
  xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"
  xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3"
  xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3"
  xmlns:imsss="http://www.imsglobal.org/xsd/imsss"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd http://www.adlnet.org/xsd/adlseq_v1p3 adlseq_v1p3.xsd http://www.adlnet.org/xsd/adlnav_v1p3 adlnav_v1p3.xsd http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>2004 4th Edition</schemaversion>
  </metadata>
  <organizations default="${id}-org">
    <organization identifier="${id}-org">
      <title>${course}</title>
      <item identifier="${id}-item" identifierref="${id}-sco" isvisible="true">
        <title>${path}</title>
        <imsss:sequencing>
          <imsss:objectives>
            <imsss:primaryObjective objectiveID="${id}-mastery" satisfiedByMeasure="true">
              <imsss:minNormalizedMeasure>${MASTERY_SCALED}</imsss:minNormalizedMeasure>
            </imsss:primaryObjective>
          </imsss:objectives>
          <imsss:deliveryControls completionSetByContent="true" objectiveSetByContent="true"/>
        </imsss:sequencing>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="${id}-sco" type="webcontent" adlcp:scormType="sco" href="${launch}">
${files}
    </resource>
  </resources>
</manifest>
`;
}
