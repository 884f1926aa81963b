/**
 * Phone numbers in plain text as pieces a page turns into links (issue 20: staff at the desk, or
 * on a phone, tap 988 or 911 rather than retype it): a number becomes a `tel:` link, and where
 * the text says it takes texts ("Call or text 988", "text 741741") an `sms:` link too. Pure: the
 * text is never changed except that "call or text N" reads "call N or text N", so each link
 * says what it does. Recognised: three-digit service lines (N11 such as 911 and 211, and 988),
 * North American numbers written with separators ((555) 123-4567, 555-123-4567, 1-800-…,
 * +1 555 123 4567), and five- or six-digit text lines after "text" ("text 741741", "text HOME to
 * 741741").
 */

export type PhonePiece = { text: string; href?: undefined } | { text: string; href: string; kind: 'tel' | 'sms' };

const NUMBER = String.raw`(?:\+?1[\s.-]?)?(?:\(\d{3}\)\s?|\d{3}[\s.-])\d{3}[\s.-]\d{4}|\b[2-9]11\b|\b988\b`;
/** A short code (741741) counts only after "text". */
const TEXT_NUMBER = String.raw`${NUMBER}|\b\d{5,6}\b`;
const PATTERN = new RegExp(
  String.raw`\b(call|phone|dial)(\s+or\s+)(text)\s+(${NUMBER})|\b(text|sms)(\s+or\s+)(call)\s+(${NUMBER})|\b(call|phone|dial)(\s+)(${NUMBER})|\b(text|sms)(\s+)(${TEXT_NUMBER})|\b(text|sms)(\s+[A-Z0-9]+\s+to\s+)(${TEXT_NUMBER})|(${NUMBER})`,
  'gi',
);

/** The dialable form: digits, with a leading + kept. */
export function dialable(number: string): string {
  return `${number.trim().startsWith('+') ? '+' : ''}${number.replace(/\D/g, '')}`;
}

const tel = (text: string, number: string): PhonePiece => ({ text, href: `tel:${dialable(number)}`, kind: 'tel' });
const sms = (text: string, number: string): PhonePiece => ({ text, href: `sms:${dialable(number)}`, kind: 'sms' });

export function phonePieces(text: string): PhonePiece[] {
  const pieces: PhonePiece[] = [];
  let last = 0;
  const plain = (t: string) => {
    if (!t) return;
    const previous = pieces[pieces.length - 1];
    if (previous && previous.href === undefined) previous.text += t;
    else pieces.push({ text: t });
  };
  for (const m of text.matchAll(PATTERN)) {
    plain(text.slice(last, m.index));
    last = m.index + m[0].length;
    if (m[1]) {
      // "Call or text 988" → "Call 988" (tel) " or " "text 988" (sms).
      pieces.push(tel(`${m[1]} ${m[4]}`, m[4]!));
      plain(m[2]!);
      pieces.push(sms(`${m[3]} ${m[4]}`, m[4]!));
    } else if (m[5]) {
      pieces.push(sms(`${m[5]} ${m[8]}`, m[8]!));
      plain(m[6]!);
      pieces.push(tel(`${m[7]} ${m[8]}`, m[8]!));
    } else if (m[9]) {
      plain(`${m[9]}${m[10]}`);
      pieces.push(tel(m[11]!, m[11]!));
    } else if (m[12]) {
      plain(`${m[12]}${m[13]}`);
      pieces.push(sms(m[14]!, m[14]!));
    } else if (m[15]) {
      // "Text HOME to 741741": the keyword stays in the text for the person to type.
      plain(`${m[15]}${m[16]}`);
      pieces.push(sms(m[17]!, m[17]!));
    } else {
      pieces.push(tel(m[18]!, m[18]!));
    }
  }
  plain(text.slice(last));
  return pieces;
}
