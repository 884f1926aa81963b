/**
 * "Send your record to <supervisor>" on an assignment card asks the record section to make a
 * record of that assignment. Not persisted: it only joins two sections of one page.
 */
import { atom } from 'nanostores';

export const $recordRequest = atom<{ assignmentId: string; at: number } | null>(null);

export const requestRecord = (assignmentId: string) => $recordRequest.set({ assignmentId, at: Date.now() });
