/**
 * "My progress": profiles, progress by path, backup, shared-computer mode, reset, erase and
 * storage status, one section component each.
 *
 * Hydration: the prerendered HTML cannot know what this browser has stored, so both the
 * server and the browser's first render show the same "Loading your progress…" line;
 * the sections render only after mount, from the stores. No mismatch, and no moment
 * where the page claims "Not started" for a learner who has finished.
 */
import { useEffect, useState } from 'react';
import type { CourseManifest } from '../../lib/site/manifest';
import { AssignmentsSection } from './AssignmentsSection';
import { BackupSection } from './BackupSection';
import { EraseSection } from './EraseSection';
import { PathProgressSection } from './PathProgressSection';
import { ProfileSection } from './ProfileSection';
import { RecordSection } from './RecordSection';
import { ResetSection } from './ResetSection';
import { SharedComputerSection } from './SharedComputerSection';
import { StorageStatusSection } from './StorageStatusSection';
import './progress.css';

interface Props {
  manifest: CourseManifest;
  /** The course's short name, written into backup files. */
  siteName: string;
  /** import.meta.env.BASE_URL, for links that work when the course sits in a folder. */
  base: string;
}

export default function ProgressPage({ manifest, siteName, base }: Props) {
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);

  if (!mounted) {
    return (
      <p className="progress-loading" role="status">
        Loading your progress…
      </p>
    );
  }

  return (
    <div className="progress-page" data-progress-page="ready">
      <ProfileSection />
      <AssignmentsSection manifest={manifest} base={base} />
      <PathProgressSection manifest={manifest} base={base} />
      <RecordSection manifest={manifest} base={base} />
      <BackupSection siteName={siteName} />
      <SharedComputerSection />
      <ResetSection />
      <EraseSection />
      <StorageStatusSection />
    </div>
  );
}
