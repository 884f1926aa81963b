import { describe, expect, test } from 'vitest';
import { webManifest } from '../../src/lib/site/web-manifest';

describe('webManifest', () => {
  test.each([
    ['/', '/'],
    ['/training/crosswalk/', '/training/crosswalk/'],
    ['/training/crosswalk', '/training/crosswalk/'],
  ])('at base %s, the app starts in and is scoped to %s, and every icon is under it', (base, scope) => {
    const manifest = webManifest({ libraryName: 'Riverside Library', shortName: 'Crosswalk', base });
    expect(manifest.start_url).toBe(scope);
    expect(manifest.scope).toBe(scope);
    expect(manifest.id).toBe(scope);
    for (const icon of manifest.icons) expect(icon.src.startsWith(scope), icon.src).toBe(true);
  });

  test('names come from the site settings', () => {
    const manifest = webManifest({ libraryName: 'Riverside Library', shortName: 'Peer skills', base: '/' });
    expect(manifest.name).toBe('Peer skills · Riverside Library');
    expect(manifest.short_name).toBe('Peer skills');
  });

  test('is installable: standalone, with 192px and 512px PNG icons for any purpose', () => {
    const manifest = webManifest({ libraryName: 'L', shortName: 'C', base: '/' });
    expect(manifest.display).toBe('standalone');
    const png = manifest.icons.filter((i) => i.type === 'image/png' && i.purpose === 'any').map((i) => i.sizes);
    expect(png).toEqual(expect.arrayContaining(['192x192', '512x512']));
    expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
    expect(manifest.background_color).toMatch(/^#[0-9a-f]{6}$/i);
  });
});
