/**
 * The referrals a lesson or check item sends staff to, read from its words, so a content test
 * can hold every one of them to an entry that exists: a lesson that says "call the person in
 * charge" or "text 988" must find that in content/resources.yaml or content/site.yaml, or a
 * library that deletes an entry would leave staff pointed at nothing.
 *
 * Pure: a table of phrases and the entry each needs, and a function that lists the mentions.
 */
import type { SafetyField } from './tailoring';

/** Where a referral lives: an entry of content/resources.yaml, or a field of content/site.yaml. */
export type ReferralTarget = { resource: string } | { siteField: SafetyField | 'emergencyProcedure' };

export interface ReferralPhrase {
  /** What staff are sent to, for the failure message. */
  what: string;
  pattern: RegExp;
  target: ReferralTarget;
}

/** The phrases lessons use for a referral, and where each must be found. */
export const REFERRAL_PHRASES: readonly ReferralPhrase[] = [
  { what: 'emergency services', pattern: /\b911\b/, target: { resource: 'emergency-911' } },
  { what: 'the 988 Lifeline', pattern: /\b988\b/, target: { resource: 'lifeline-988' } },
  { what: 'a domestic violence line', pattern: /\bdomestic (?:violence|abuse)\b|\brelationship abuse\b/i, target: { resource: 'domestic-violence-hotline' } },
  { what: "the library's social worker", pattern: /\bsocial workers?\b/i, target: { resource: 'library-social-worker' } },
  { what: 'social services', pattern: /\bsocial services\b/i, target: { resource: 'local-social-services' } },
  { what: 'legal help', pattern: /\blegal (?:aid|help service)\b/i, target: { resource: 'local-legal-help' } },
  { what: 'the school counselor or team', pattern: /\bschool counselor\b|\bschool-based team\b/i, target: { resource: 'school-team' } },
  { what: 'campus counseling', pattern: /\bcounseling cent(?:er|re)\b/i, target: { resource: 'campus-counseling' } },
  { what: 'the employee assistance program', pattern: /\bemployee assistance\b/i, target: { resource: 'staff-eap' } },
  { what: 'a local mental health or peer-run organization', pattern: /\bpeer-run\b|\bmental health (?:organi[sz]ation|service)s?\b/i, target: { resource: 'local-mental-health' } },
  { what: 'the person in charge', pattern: /\bperson in charge\b/i, target: { resource: 'person-in-charge' } },
  { what: 'security', pattern: /\bsecurity\b(?! of)/i, target: { resource: 'safety-contact' } },
  { what: "the library's emergency procedure", pattern: /\bemergency procedures?\b/i, target: { siteField: 'emergencyProcedure' } },
  { what: "the library's behavior policy", pattern: /\bbehaviou?r polic(?:y|ies)\b|\bcode of conduct\b|\bconduct rules\b/i, target: { siteField: 'behaviorPolicy' } },
];

/** The phrases in `text` that send staff to a referral. */
export function referralsMentioned(text: string): ReferralPhrase[] {
  return REFERRAL_PHRASES.filter((phrase) => phrase.pattern.test(text));
}

/** True when the course's settings hold the entry `target` names. */
export function referralExists(target: ReferralTarget, resourceIds: ReadonlySet<string>, siteFields: ReadonlySet<string>): boolean {
  return 'resource' in target ? resourceIds.has(target.resource) : siteFields.has(target.siteField);
}

/** `resources.yaml "id"` or `site.yaml field`: where a trainer restores a missing referral. */
export function describeTarget(target: ReferralTarget): string {
  return 'resource' in target ? `content/resources.yaml entry "${target.resource}"` : `content/site.yaml field ${target.siteField}`;
}
