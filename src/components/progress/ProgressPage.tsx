/**
 * "My progress", in the order a learner needs it: a summary first (each path's share done and
 * its certificate, what is due), then sending a record (and the certificate), assignments,
 * every module once (folded until opened), then profiles; backup, shared-computer mode, reset and
 * erase folded together until opened; storage status last. One section component each.
 *
 * Hydration: the prerendered HTML cannot know what this browser has stored. The server and the
 * first render write the summary's frame (one row per path, sized as when filled in) and the
 * folded module list; the stores fill them in after mount, and the sections below appear in the
 * space the page keeps for them (min-height in progress.css), so nothing on screen moves
 * (CLS ≤ 0.05, issue 20) and the page never claims "Not started" for a learner who has finished.
 */
import { useEffect, useState } from 'react';
import type { CourseManifest } from '../../lib/site/manifest';
import { AssignmentsSection } from './AssignmentsSection';
import { BackupSection } from './BackupSection';
import { ERASED_PARAM, EraseSection } from './EraseSection';
import { ModulesSection } from './ModulesSection';
import { ProfileSection } from './ProfileSection';
import { ProgressSummary, ProgressSummaryFrame } from './ProgressSummary';
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
  // The folded tools open by themselves when the page comes back from an erase (its message is
  // there) or a link points into them.
  const [toolsOpen, setToolsOpen] = useState(false);
  useEffect(() => {
    setToolsOpen(new URLSearchParams(location.search).get(ERASED_PARAM) === '1' || ['#backup', '#erase'].includes(location.hash));
    setMounted(true);
  }, []);

  return (
    <div className="progress-page" data-progress-page={mounted ? 'ready' : 'loading'}>
      <section className="card progress-section progress-summary" aria-labelledby="summary-heading" data-section="summary">
        <h2 id="summary-heading">At a glance</h2>
        {mounted ? (
          <ProgressSummary manifest={manifest} base={base} />
        ) : (
          <>
            <ProgressSummaryFrame manifest={manifest} base={base} />
            <p className="summary-due progress-loading" role="status">
              Loading your progress…
            </p>
          </>
        )}
      </section>
      {mounted && (
        <>
          <RecordSection manifest={manifest} base={base} />
          <AssignmentsSection manifest={manifest} base={base} />
          <section className="card progress-section" aria-labelledby="modules-heading" data-section="modules">
            <h2 id="modules-heading">Modules</h2>
            <details className="progress-fold">
              <summary>Every module once: status, lessons read, best score, completed, and its paths</summary>
              <ModulesSection manifest={manifest} base={base} />
            </details>
          </section>
          <ProfileSection />
          {/* Tools used now and then, folded until asked for. A link to one of them (#backup)
              opens the fold: the browser reveals a fragment's target inside <details>. */}
          <details className="progress-fold progress-tools" data-section="data-tools" open={toolsOpen} onToggle={(e) => setToolsOpen(e.currentTarget.open)}>
            <summary>Backup, shared computer, reset and erase</summary>
            <div className="progress-tools__body">
              <BackupSection siteName={siteName} />
              <SharedComputerSection />
              <ResetSection />
              <EraseSection />
            </div>
          </details>
          <StorageStatusSection />
        </>
      )}
    </div>
  );
}
