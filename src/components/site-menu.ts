/**
 * The phone's "Menu" disclosure (Base.astro) and the lesson's outline disclosure: native
 * <details>, which open and close without script. This adds what a menu is expected to do on
 * top: Escape closes it and puts focus back on its button, and a tap or focus elsewhere closes
 * the menu (the outline stays open until its own button is pressed: it is part of the page).
 */
let booted = false;

export function bootDisclosures(): void {
  if (booted) return;
  booted = true;
  const disclosures = [...document.querySelectorAll<HTMLDetailsElement>('details[data-site-menu], details[data-outline]')];
  for (const details of disclosures) {
    const summary = details.querySelector<HTMLElement>(':scope > summary');
    if (!summary) continue;
    // Only while it is shown as a disclosure: on wide screens the button is hidden and the
    // content always shown (global.css), so Escape must not fold it.
    const isFoldable = () => summary.offsetParent !== null;
    details.addEventListener('keydown', (event) => {
      if (event.key !== 'Escape' || !details.open || !isFoldable()) return;
      details.open = false;
      summary.focus();
      event.stopPropagation();
    });
  }
  const menu = document.querySelector<HTMLDetailsElement>('details[data-site-menu]');
  if (!menu) return;
  const closeIfOutside = (event: Event) => {
    if (menu.open && event.target instanceof Node && !menu.contains(event.target) && menu.querySelector(':scope > summary')?.checkVisibility()) menu.open = false;
  };
  document.addEventListener('click', closeIfOutside);
  document.addEventListener('focusin', closeIfOutside);
}
