/**
 * Completion record: the learner makes a record of an assignment, a path or everything started,
 * and sends it themselves as a file or a code. What a record proves is said plainly: it is
 * self-reported, with a checksum against accidental damage, not against forgery. The name starts
 * as the profile's, else the name the assignment link was made for, so names do not drift; the
 * record carries the assignment's id back, which lands it on the supervisor's roster row.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useStore } from '@nanostores/react';
import type { CourseManifest } from '../../lib/site/manifest';
import { buildRecord, recordCode, recordFile, recordFileName, MAX_LEARNER_NAME, type CompletionRecord } from '../../lib/supervisor/record';
import { withBase } from '../../lib/site/urls';
import { isolateText } from '../../lib/site/bidi';
import { $assigned, learnerId } from '../../stores/assigned';
import { $profiles } from '../../stores/profiles';
import { $progress } from '../../stores/progress';
import { copyText, download, mailtoHref } from '../tools/browser';
import { StatusLine, useStatus } from './StatusLine';
import { $recordRequest } from './record-request';
import { useFocusAfterRender } from '../use-focus-after-render';

interface Props {
  manifest: CourseManifest;
  base: string;
}

export function RecordSection({ manifest, base }: Props) {
  const ids = { name: useId(), scope: useId(), code: useId(), error: useId() };
  const profiles = useStore($profiles);
  const assigned = useStore($assigned);
  const progress = useStore($progress);
  const profileName = profiles.profiles.find((p) => p.id === profiles.activeId)?.name ?? '';
  const assignedName = assigned.items.find((i) => i.assignment.for)?.assignment.for ?? '';
  const [name, setName] = useState(profileName === 'Me' || !profileName ? assignedName : profileName);
  const sectionRef = useRef<HTMLElement>(null);
  const focusAfterRender = useFocusAfterRender();
  const request = useStore($recordRequest);
  // "Send your record to …" on an assignment card: that assignment, the name it was made for (the one on the supervisor's roster), and focus here.
  useEffect(() => {
    if (!request) return;
    const item = assigned.items.find((i) => i.assignment.id === request.assignmentId);
    if (!item) return;
    setScope(`a:${item.assignment.id}`);
    if (item.assignment.for) setName(item.assignment.for);
    sectionRef.current?.scrollIntoView({ block: 'start' });
    focusAfterRender(() => document.getElementById(ids.name));
  }, [request]); // Only a new request: the assignment list changing must not pull the reader back here.
  const [chosenScope, setScope] = useState<string>(() => (assigned.items[0] ? `a:${assigned.items[0].assignment.id}` : `p:${manifest.paths[0]?.id ?? ''}`));
  const [error, setError] = useState('');
  const [code, setCode] = useState<{ record: CompletionRecord; code: string } | null>(null);
  const { status, announce, lineRef } = useStatus();

  const scopes = useMemo(
    () => [
      ...assigned.items.map((i) => ({ value: `a:${i.assignment.id}`, label: `Assignment from ${isolateText(i.assignment.by)}${i.assignment.due ? `, due ${i.assignment.due}` : ''}` })),
      ...manifest.paths.map((p) => ({ value: `p:${p.id}`, label: `Path: ${p.title}` })),
      { value: 'started', label: 'Every module I have started' },
    ],
    [assigned, manifest],
  );
  // The chosen scope can go stale (another profile, a removed assignment): then the first one,
  // which is what the select shows.
  const scope = scopes.some((s) => s.value === chosenScope) ? chosenScope : scopes[0]!.value;

  const make = (): CompletionRecord | null => {
    if (!name.trim()) {
      setError('Type your name first: it is how your supervisor will know whose record it is.');
      focusAfterRender(() => document.getElementById(ids.name));
      return null;
    }
    const item = scope.startsWith('a:') ? assigned.items.find((i) => `a:${i.assignment.id}` === scope) : undefined;
    const moduleIds = item
      ? item.assignment.modules
      : scope.startsWith('p:')
        ? manifest.paths.find((p) => `p:${p.id}` === scope)?.modules ?? []
        : manifest.modules.filter((m) => m.lessonIds.some((id) => progress.lessons[id]) || progress.checks[m.id]).map((m) => m.id);
    const modules = moduleIds.map((id) => manifest.modules.find((m) => m.id === id)).filter((m) => m !== undefined);
    if (modules.length === 0) {
      setError('There is nothing to put in this record yet: you have not started any module. Choose a path or an assignment instead.');
      return null;
    }
    setError('');
    return buildRecord({
      learner: name,
      learnerId: learnerId(),
      issued: new Date().toISOString(),
      course: manifest.version,
      progress,
      modules,
      ...(item ? { assignment: { id: item.assignment.id, ...(item.assignment.due ? { due: item.assignment.due } : {}) } } : {}),
    });
  };

  const onDownload = () => {
    const record = make();
    if (!record) return;
    const fileName = recordFileName(record);
    download(recordFile(record), fileName);
    announce(`Your record is downloading as ${fileName}. Send it to your supervisor.`);
  };

  const onCode = () => {
    const record = make();
    if (record) setCode({ record, code: recordCode(record) });
  };

  const onCopy = async () => {
    if (!code) return;
    if (await copyText(code.code)) announce('Record code copied.');
    else announce('Your browser did not allow copying: select the code and copy it by hand.', 'problem');
  };

  return (
    <section ref={sectionRef} className="card progress-section" aria-labelledby="record-heading" data-section="record" id="send-record">
      <h2 id="record-heading">Send a completion record</h2>
      <p>
        A record lists the modules you choose with their status, your best check scores and dates. You send it yourself, as a file or a code; the course sends nothing.{' '}
        <strong>What it proves:</strong> it is what this browser says you did. A checksum shows if it was damaged or changed by accident, but it cannot stop a forgery. If your library
        needs verified tracking, it runs the course through its learning management system instead.
      </p>
      {error && (
        <p className="field__error" id={ids.error} role="alert">
          {error}
        </p>
      )}
      <div className="field">
        <label htmlFor={ids.name}>Your name on the record</label>
        <input id={ids.name} type="text" value={name} maxLength={MAX_LEARNER_NAME} autoComplete="name" aria-invalid={error && !name.trim() ? true : undefined} aria-describedby={error ? ids.error : undefined} onChange={(e) => setName(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={ids.scope}>What the record covers</label>
        <select id={ids.scope} value={scope} onChange={(e) => setScope(e.target.value)}>
          {scopes.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </select>
      </div>
      <div className="actions">
        <button type="button" onClick={onDownload}>
          Download record file
        </button>
        <button type="button" className="button--quiet" onClick={onCode}>
          Show record code
        </button>
      </div>
      <StatusLine status={status} ref={lineRef} />
      {code && (
        <div className="record-code">
          <label htmlFor={ids.code}>
            Record code for <bdi>{code.record.learner}</bdi>
          </label>
          <textarea id={ids.code} readOnly rows={4} value={code.code} onFocus={(e) => e.currentTarget.select()} />
          <div className="actions">
            <button type="button" onClick={onCopy}>
              Copy code
            </button>
            <a className="button button--quiet" href={mailtoHref(`Crosswalk completion record: ${code.record.learner}`, `My Crosswalk completion record. Paste this code on the Team page:\n\n${code.code}\n`)}>
              Email it
            </a>
            <a className="button button--quiet" href={`${withBase(base, 'certificate/')}#${code.code}`}>
              Open the certificate
            </a>
          </div>
        </div>
      )}
    </section>
  );
}
