/**
 * Packs small JSON payloads (assignments, completion records) into text that fits a URL
 * fragment, an email or a QR code, and unpacks them with a clear reason when they are damaged.
 *
 * Format: `<kind><version>.<body>.<check>`, e.g. `A1.eNpt….k3x9f0a2b1c`
 *   kind     one capital letter naming what the payload is (`A` assignment, `R` record);
 *   version  the payload schema version, so old links keep opening after the format moves on;
 *   body     the JSON, deflated (fflate) and written in base64url (no padding, URL-safe);
 *   check    hashText of the JSON: it catches truncation and typos, not forgery.
 * A code opens when its body inflates to JSON whose checksum is `check`: what is verified is the
 * content, never the compressor's exact output. Links and record codes already sent must keep
 * opening after fflate changes how it deflates, so the body is not re-compressed and compared.
 * A changed character either changes the JSON (and the checksum refuses it) or lands in bits
 * deflate ignores (and the same data comes out).
 *
 * Pure: no DOM, no storage. Validating the JSON's shape is the caller's job (a zod schema per
 * kind and version); this layer only guarantees the bytes arrived as they were sent.
 */
import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import { hashText } from './hash';

export type PackedKind = 'A' | 'R';

export type UnpackProblem =
  | 'empty'
  | 'too-long'
  | 'malformed'
  | 'wrong-kind'
  | 'unsupported-version'
  | 'damaged';

export type UnpackResult =
  | { ok: true; version: number; data: unknown }
  | { ok: false; problem: UnpackProblem; message: string };

export interface UnpackOptions {
  kind: PackedKind;
  /** Versions this build can read. */
  versions: readonly number[];
  /** Longest text accepted, in characters; longer input is refused before any work is done. */
  maxChars: number;
  /** Largest inflated JSON accepted, in characters: a guard against deflate bombs. */
  maxJsonChars?: number;
}

const KIND_NAMES: Record<PackedKind, string> = { A: 'an assignment', R: 'a completion record' };
const HEADER = /^([A-Z])(\d{1,3})$/;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

export function pack(kind: PackedKind, version: number, data: unknown): string {
  const json = JSON.stringify(data);
  const body = toBase64Url(deflateSync(strToU8(json), { level: 9 }));
  return `${kind}${version}.${body}.${hashText(json)}`;
}

export function unpack(input: string, options: UnpackOptions): UnpackResult {
  const what = KIND_NAMES[options.kind];
  const fail = (problem: UnpackProblem, message: string): UnpackResult => ({ ok: false, problem, message });

  // People paste whole links, or codes broken across lines by an email program.
  const text = input.trim().replace(/^[^#]*#/, '').replace(/\s+/g, '');
  if (!text) return fail('empty', `There is nothing to open: the ${what} code is empty.`);
  if (text.length > options.maxChars) {
    return fail('too-long', `This is too long to be ${what} (${text.length.toLocaleString('en-US')} characters; the most is ${options.maxChars.toLocaleString('en-US')}).`);
  }

  const parts = text.split('.');
  const header = HEADER.exec(parts[0] ?? '');
  if (parts.length !== 3 || !header) {
    return fail('malformed', `This does not look like ${what}. Check that the whole link or code was copied.`);
  }
  const [, kind, versionText] = header;
  if (kind !== options.kind) {
    const other = KIND_NAMES[kind as PackedKind];
    return fail('wrong-kind', other ? `This is ${other}, not ${what}.` : `This does not look like ${what}.`);
  }
  const version = Number(versionText);
  if (!options.versions.includes(version)) {
    const newest = Math.max(...options.versions);
    return fail(
      'unsupported-version',
      version > newest
        ? `This ${what.replace(/^an? /, '')} was made by a newer version of the course (format ${version}). Ask for it to be sent again, or open it on the course site it came from.`
        : `This ${what.replace(/^an? /, '')} uses format ${version}, which this course no longer reads. Ask for a new one.`,
    );
  }

  const [, body, check] = parts as [string, string, string];
  const damaged = fail('damaged', `This ${what.replace(/^an? /, '')} is damaged or incomplete: part of it may have been cut off or changed when it was copied. Ask for it to be sent again.`);
  if (!BASE64URL.test(body) || !/^[0-9a-z]{11}$/.test(check)) return damaged;

  let json: string;
  try {
    const bytes = inflateSync(fromBase64Url(body));
    if (options.maxJsonChars && bytes.length > options.maxJsonChars) {
      return fail('too-long', `This ${what.replace(/^an? /, '')} holds more data than the course accepts.`);
    }
    json = strFromU8(bytes);
  } catch {
    return damaged;
  }
  if (hashText(json) !== check) return damaged;
  try {
    return { ok: true, version, data: JSON.parse(json) };
  } catch {
    return damaged;
  }
}

// base64url without padding; btoa/atob exist in browsers and in Node 16+.
function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i++) binary += String.fromCharCode(bytes[i]!);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  if (text.length % 4 === 1) throw new Error('impossible base64 length');
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  // Only the canonical spelling is accepted: a changed last character whose low bits atob
  // ignores would otherwise decode to the same bytes and pass unnoticed.
  if (toBase64Url(bytes) !== text) throw new Error('not canonical base64url');
  return bytes;
}
