/**
 * Which bank items one attempt of a module check shows, and in what order.
 *
 * The bank is put in one fixed order per module (seeded by the module id); attempt k takes the
 * `draw` items that start at k × draw, wrapping round. Consecutive attempts therefore overlap as
 * little as the bank allows (a retake after failing is not a replay of the feedback just read),
 * every item comes up in turn, and the same attempt number always draws the same items: a reload
 * mid-attempt shows the same questions in the same order. Pure: no DOM, no storage.
 */
import { seededShuffle } from './scoring';

/** A 31-bit seed from a string (FNV-1a), so a module's order is the same on every device. */
export function seedOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 1) || 1;
}

/** The bank indices attempt `attempt` shows, in the order to show them. */
export function drawForAttempt(bankSize: number, draw: number, moduleId: string, attempt: number): number[] {
  const size = Math.max(0, Math.min(draw, bankSize));
  if (size === 0) return [];
  const order = seededShuffle([...Array(bankSize).keys()], seedOf(moduleId));
  const start = (Math.max(0, Math.trunc(attempt)) * size) % bankSize;
  const window = Array.from({ length: size }, (_, i) => order[(start + i) % bankSize]!);
  return seededShuffle(window, seedOf(`${moduleId}#${attempt}`));
}

/**
 * Every set of bank indices an attempt can draw, for content tests to find the worst case: each
 * run of `draw` consecutive items in the module's order (a superset of the windows attempts use).
 */
export function drawWindows(bankSize: number, draw: number, moduleId: string): number[][] {
  const size = Math.max(0, Math.min(draw, bankSize));
  if (size === 0) return [[]];
  const order = seededShuffle([...Array(bankSize).keys()], seedOf(moduleId));
  return Array.from({ length: bankSize }, (_, start) => Array.from({ length: size }, (_, i) => order[(start + i) % bankSize]!));
}

/** Fewest and most questions an attempt can hold, given each bank item's number of questions. */
export function attemptSize(questionsPerItem: readonly number[], draw: number, moduleId: string): { min: number; max: number } {
  const sizes = drawWindows(questionsPerItem.length, draw, moduleId).map((window) => window.reduce((sum, i) => sum + questionsPerItem[i]!, 0));
  return { min: Math.min(...sizes), max: Math.max(...sizes) };
}
