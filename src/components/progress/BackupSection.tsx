/**
 * Export every profile to a file, and import one back (new computer, a browser that
 * cleared its storage). The file never leaves the device unless the learner sends it.
 * Importing shows what will happen and waits for "Import": a wrong file changes nothing.
 */
import { useEffect, useId, useRef, useState, type ChangeEvent } from 'react';
import { createBackup, parseBackup, planImport, type Backup, type ImportPlan } from '../../lib/learner/backup';
import { newProfileId } from '../../lib/learner/profiles';
import { $profiles, createProfile } from '../../stores/profiles';
import { progressOf, writeProgress } from '../../stores/progress';
import { deckOf, writeDeck } from '../../stores/review';
import { requestPersistentStorage } from '../../stores/storage';
import { isolateText } from '../../lib/site/bidi';
import { ConfirmRegion } from './ConfirmRegion';
import { download } from '../tools/browser';
import { StatusLine, useStatus } from './StatusLine';
import { backupFileName, dateText, importSummaryLines, splitImport } from './progress-view';
import { useFocusAfterRender } from '../use-focus-after-render';

interface Props {
  siteName: string;
}

/** Applies a plan through the profile and progress stores; returns the problems, if any. */
function applyImport(plan: ImportPlan): string[] {
  const { merge, add } = splitImport(plan, $profiles.get().profiles.map((p) => p.id));
  const problems: string[] = [];
  for (const { id, state } of merge) {
    writeProgress(id, state);
    if (plan.review[id]) writeDeck(id, plan.review[id]);
  }
  for (const { planId, name, state } of add) {
    // The store has no "set all profiles" action, so a new profile is created by name
    // (it gets its own id) and its progress written under that id.
    const created = createProfile(name, false);
    if (created.ok && created.profile) {
      writeProgress(created.profile.id, state);
      if (plan.review[planId]) writeDeck(created.profile.id, plan.review[planId]);
    } else if (!created.ok) problems.push(`“${isolateText(name)}” was not added: ${created.error}`);
  }
  return problems;
}

type Persisted = boolean | undefined | 'asking';

export function BackupSection({ siteName }: Props) {
  const fileId = useId();
  const errorId = useId();
  const confirmId = useId();
  const { status, announce, clear, lineRef } = useStatus();
  const [error, setError] = useState('');
  const [pending, setPending] = useState<{ backup: Backup; plan: ImportPlan; fileName: string } | null>(null);
  const [persisted, setPersisted] = useState<Persisted>('asking');
  const fileInput = useRef<HTMLInputElement>(null);
  const focusAfterRender = useFocusAfterRender();

  // Ask once per visit: browsers that grant it stop evicting the site's storage under pressure.
  useEffect(() => {
    let live = true;
    requestPersistentStorage().then((answer) => live && setPersisted(answer));
    return () => {
      live = false;
    };
  }, []);

  const onExport = () => {
    const now = new Date();
    const everyone = $profiles.get().profiles.map((p) => ({ name: p.name, progress: progressOf(p.id), review: deckOf(p.id) }));
    const fileName = backupFileName(now);
    download(createBackup(everyone, now.toISOString(), siteName), fileName);
    announce(`Your backup is downloading as ${fileName}. Keep it somewhere safe.`);
  };

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    // A new file starts a new attempt: the last import's message no longer applies.
    setPending(null);
    setError('');
    clear();
    if (!file) return;
    let text: string;
    try {
      text = await file.text();
    } catch {
      setError('This file could not be read. Choose the .json file you exported from My progress.');
      return;
    }
    const parsed = parseBackup(text);
    if (!parsed.ok) {
      setError(parsed.error);
      return;
    }
    const planned = planImport($profiles.get(), progressOf, parsed.backup, newProfileId, new Date().toISOString(), deckOf);
    if (!planned.ok) {
      setError(`${planned.error} Nothing was imported.`);
      return;
    }
    setPending({ backup: parsed.backup, plan: planned.plan, fileName: file.name });
  };

  const closeImport = () => {
    setPending(null);
    if (fileInput.current) fileInput.current.value = '';
    fileInput.current?.focus();
  };

  const onImport = () => {
    if (!pending) return;
    const problems = applyImport(pending.plan);
    const count = pending.plan.summary.length;
    setPending(null);
    if (fileInput.current) fileInput.current.value = '';
    if (problems.length > 0) announce(`Imported with problems: ${problems.join(' ')}`, 'problem');
    else announce(`Imported ${count} profile${count === 1 ? '' : 's'} from the backup. Your progress above is up to date.`);
    focusAfterRender(() => lineRef.current);
  };

  return (
    <section className="card progress-section" aria-labelledby="backup-heading" id="backup">
      <h2 id="backup-heading">Backup</h2>
      <p className="callout">
        Browsers can delete saved data: Safari deletes a site’s storage after seven days without a visit, and shared computers are often wiped. Export a backup now and then.
      </p>
      {persisted === true && <p>This browser agreed to keep your progress.</p>}
      {persisted === false && <p>This browser may clear your progress under storage pressure.</p>}

      <h3>Export</h3>
      <p>One file holds every profile on this browser. It stays on your device unless you send it to someone.</p>
      <button type="button" onClick={onExport}>
        Export all my data
      </button>

      <h3>Import</h3>
      <p>
        Each profile in the file is merged into the profile with the same name on this browser, or added as a new profile. Merging never removes
        anything: lessons read stay read, a check passed in either copy stays passed, the best score is the higher, and the most recent attempts are
        kept. Profiles that are not in the file are left as they are.
      </p>
      <div className="field">
        <label htmlFor={fileId}>Import a backup (.json file)</label>
        <input
          id={fileId}
          ref={fileInput}
          type="file"
          accept=".json,application/json"
          onChange={onFile}
          aria-describedby={error ? errorId : undefined}
          aria-invalid={error ? true : undefined}
        />
      </div>
      {error && (
        <p className="field__error" id={errorId} role="alert">
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      )}
      {pending && (
        <ConfirmRegion
          id={confirmId}
          title={`Import “${isolateText(pending.fileName)}”?`}
          confirmLabel="Import"
          onConfirm={onImport}
          onCancel={closeImport}
        >
          <p>This backup was exported on {dateText(pending.backup.exportedAt)}. Importing it will do this:</p>
          <ul>
            {/* Profile names isolated: a name written right to left cannot turn its line around. */}
            {importSummaryLines({ summary: pending.plan.summary.map((s) => ({ ...s, name: isolateText(s.name) })) }).map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </ConfirmRegion>
      )}
      <StatusLine status={status} ref={lineRef} />
    </section>
  );
}
