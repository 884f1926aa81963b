/**
 * The active profile's place in each lesson (shape and rules: src/lib/learner/reading-places.ts).
 * Key: crosswalk:places:<profile-id>. Unreadable values are quarantined and replaced by an empty
 * set, with a notice; two tabs merge (src/stores/validated.ts mergedAtom), the later place wins.
 */
import type { ReadableAtom } from 'nanostores';
import { PREFIX } from './storage';
import { mergedAtom, perProfile } from './validated';
import { activeProfileMirror } from './active-profile';
import { $profiles } from './profiles';
import { emptyPlaces, loadPlaces, mergePlaces, recordPlace, type ReadingPlaces } from '../lib/learner/reading-places';

export const placesKey = (profileId: string) => `${PREFIX}places:${profileId}`;

const placesAtomFor = perProfile((profileId) =>
  mergedAtom<ReadingPlaces>(placesKey(profileId), {
    empty: emptyPlaces,
    merge: mergePlaces,
    load: loadPlaces,
    what: 'reading places',
    items: 'reading place(s)',
  }),
);

/** Where the learner is in each lesson. Read-only: change it through savePlace. */
export const $readingPlaces: ReadableAtom<ReadingPlaces> = activeProfileMirror(emptyPlaces(), placesAtomFor);

export const savePlace = (lessonId: string, section: string) =>
  placesAtomFor($profiles.get().activeId).update((state) => recordPlace(state, lessonId, section, new Date().toISOString()));
