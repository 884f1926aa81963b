/**
 * The components lessons may use without importing them. Pass to <Content components={…} />.
 * Interactive parts set their own hydration directive inside their .astro wrapper.
 */
import Callout from './Callout.astro';
import Check from './Check.astro';
import Cite from './Cite.astro';
import Referrals from './Referrals.astro';
import Reflect from './Reflect.astro';
import Term from './Term.astro';

export const mdxComponents = { Callout, Check, Cite, Referrals, Reflect, Term };
