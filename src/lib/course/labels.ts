/** Words shown to learners for the course's fixed vocabularies. */
import type { LibraryType, Role } from './schemas';

export const LIBRARY_TYPE_LABELS: Record<LibraryType, string> = {
  academic: 'Academic',
  public: 'Public',
  school: 'School',
  special: 'Special',
};

export const ROLE_LABELS: Record<Role, string> = {
  circulation: 'Circulation',
  clerical: 'Clerical',
  paraprofessional: 'Paraprofessional',
  librarian: 'Librarian',
};

/** "1 minute", "15 minutes". */
export const minutesLabel = (minutes: number) => `${minutes} minute${minutes === 1 ? '' : 's'}`;

/** "3 lessons". */
export const countLabel = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;
