import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { isSafeLinkUrl, unsafeLinkReason } from '../../src/lib/encoding/safe-url';
import { referenceSchema, resourceSchema } from '../../src/lib/course/schemas';
import { apaSegments, apaToText } from '../../src/lib/course/apa';

describe('link URLs from content and imported data', () => {
  test.each([
    'https://988lifeline.org',
    'https://doi.org/10.1086/715915',
    'mailto:training@library.example.org',
    'tel:+1-555-0100',
    '../glossary/',
    'resources/#local-legal-help',
    '#section',
    '?q=hand-off',
  ])('allows %s', (url) => {
    expect(unsafeLinkReason(url)).toBeUndefined();
  });

  test.each([
    ['javascript:alert(1)', 'scheme'],
    ['JavaScript:alert(1)', 'scheme'],
    ['java\tscript:alert(1)', 'control character'],
    ['data:text/html,<script>alert(1)</script>', 'scheme'],
    ['vbscript:msgbox', 'scheme'],
    ['http://example.org', 'https'],
    ['//evil.example/x', 'protocol-relative'],
    ['https://user:pass@example.org/', 'user name'],
    [' https://example.org', 'spaces'],
    ['', 'empty'],
    ['file:///etc/passwd', 'scheme'],
    ['/\\evil.example/x', 'backslash'],
    ['\\\\evil.example/x', 'backslash'],
    ['/\\/evil.example', 'backslash'],
    ['\t//evil.example', 'spaces'],
    ['/\n/evil.example', 'control character'],
    ['ht\ttps://evil.example', 'control character'],
    ['https://evil\n.example', 'control character'],
  ])('refuses %j and says why', (url, why) => {
    expect(unsafeLinkReason(url)).toContain(why);
  });

  test('a relative link that passes stays on the course’s own site, however it is spelt', () => {
    // The family of spellings browsers turn into another host: slashes, backslashes, tabs and
    // newlines mixed before a host name, or inside a scheme.
    const piece = fc.constantFrom('/', '\\', '\t', '\n', '\r', ' ', '.', ':', 'evil.example', 'https', '%2f', '%5c', '@', '?', '#');
    const base = 'https://library.example.org/training/crosswalk/modules/';
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 8 }).map((parts) => parts.join('')), (url) => {
        if (!isSafeLinkUrl(url) || /^[a-z][a-z0-9+.-]*:/i.test(url)) return;
        let resolved: URL;
        try {
          resolved = new URL(url, base);
        } catch {
          return;
        }
        expect(resolved.origin, url).toBe('https://library.example.org');
      }),
      { numRuns: 5_000 },
    );
  });

  test('no string with a scheme other than https, mailto or tel passes', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-zA-Z][a-zA-Z0-9+.-]{0,12}$/), fc.string(), (scheme, rest) => {
        const url = `${scheme}:${rest}`;
        if (['https', 'mailto', 'tel'].includes(scheme.toLowerCase())) return;
        expect(isSafeLinkUrl(url)).toBe(false);
      }),
    );
  });

  test('the content schemas refuse an unsafe resource or reference URL, naming the URL', () => {
    const resource = resourceSchema.safeParse({ id: 'x', name: 'X', helpsWith: 'y', contact: 'z', hours: 'any', scope: 'local', url: 'javascript:alert(1)' });
    expect(resource.success).toBe(false);
    expect(resource.error?.issues[0]?.path).toEqual(['url']);
    expect(resource.error?.issues[0]?.message).toContain('javascript:alert(1)');
    const reference = referenceSchema.safeParse({ key: 'x', short: 'X', apa: 'X.', url: 'http://example.org' });
    expect(reference.success).toBe(false);
    expect(reference.error?.issues[0]?.message).toContain('https');
    expect(referenceSchema.safeParse({ key: 'x', short: 'X', apa: 'X.', url: 'https://example.org' }).success).toBe(true);
  });
});

describe('APA citations render as text runs, never as HTML', () => {
  test('italics become their own runs; markup stays text', () => {
    expect(apaSegments('Rofofsky, J. (2023). *Urban Library Journal, 29*(2). <b>x</b>')).toEqual([
      { text: 'Rofofsky, J. (2023). ', italic: false },
      { text: 'Urban Library Journal, 29', italic: true },
      { text: '(2). <b>x</b>', italic: false },
    ]);
  });

  test('the runs put back together are the plain-text citation', () => {
    fc.assert(
      fc.property(fc.string(), (apa) => {
        expect(apaSegments(apa).map((s) => s.text).join('')).toBe(apaToText(apa));
      }),
    );
  });
});
