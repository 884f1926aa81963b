/**
 * Profiles on this browser: who is active, switch, add, rename, remove another.
 * Each profile keeps its progress under its own key (src/stores/profiles.ts), so
 * colleagues sharing a desk computer never mix their progress.
 */
import { useId, useRef, useState, type SubmitEvent } from 'react';
import { useStore } from '@nanostores/react';
import { $profiles, createProfile, deleteProfile, renameActiveProfile, setActiveProfile } from '../../stores/profiles';
import { MAX_NAME_LENGTH } from '../../lib/learner/profiles';
import { isolateText } from '../../lib/site/bidi';
import { ConfirmRegion } from './ConfirmRegion';
import { StatusLine, useStatus } from './StatusLine';
import { useFocusAfterRender } from '../use-focus-after-render';

/**
 * A text field with its label, its submit button beside the input (below it on a phone),
 * and an inline error tied to the input by aria-describedby.
 */
function NameField({ label, value, onChange, error, hint, submitLabel }: { label: string; value: string; onChange: (v: string) => void; error: string; hint?: string; submitLabel: string }) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="meta field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <div className="field__row">
        <input
          id={id}
          type="text"
          autoComplete="off"
          maxLength={MAX_NAME_LENGTH + 20}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
        />
        <button type="submit">{submitLabel}</button>
      </div>
      {error && (
        <p className="field__error" id={`${id}-error`}>
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      )}
    </div>
  );
}

export function ProfileSection() {
  const profiles = useStore($profiles);
  const active = profiles.profiles.find((p) => p.id === profiles.activeId) ?? profiles.profiles[0]!;
  const others = profiles.profiles.filter((p) => p.id !== active.id);
  const { status, announce, lineRef } = useStatus();
  const switchId = useId();
  const removeSelectId = useId();
  const confirmId = useId();

  const [switchTo, setSwitchTo] = useState('');
  const [newName, setNewName] = useState('');
  const [addError, setAddError] = useState('');
  const [rename, setRename] = useState('');
  const [renameError, setRenameError] = useState('');
  const [removeId, setRemoveId] = useState('');
  const [confirmingRemove, setConfirmingRemove] = useState(false);
  const removeButton = useRef<HTMLButtonElement>(null);
  const focusAfterRender = useFocusAfterRender();

  // A select's chosen value can go stale when profiles change (another tab, a removal).
  const switchValue = others.some((p) => p.id === switchTo) ? switchTo : (others[0]?.id ?? '');
  const removeValue = others.some((p) => p.id === removeId) ? removeId : (others[0]?.id ?? '');
  const toRemove = others.find((p) => p.id === removeValue);

  const onSwitch = (event: SubmitEvent) => {
    event.preventDefault();
    const target = others.find((p) => p.id === switchValue);
    if (!target) return;
    const result = setActiveProfile(target.id);
    if (result.ok) announce(`Switched to “${isolateText(target.name)}”. The progress below is theirs.`);
    else announce(result.error, 'problem');
  };

  const onAdd = (event: SubmitEvent) => {
    event.preventDefault();
    const result = createProfile(newName);
    if (!result.ok) {
      setAddError(result.error);
      return;
    }
    setAddError('');
    setNewName('');
    announce(`Added the profile “${isolateText(result.profile!.name)}” and switched to it.`);
  };

  const onRename = (event: SubmitEvent) => {
    event.preventDefault();
    const before = active.name;
    const result = renameActiveProfile(rename);
    if (!result.ok) {
      setRenameError(result.error);
      return;
    }
    setRenameError('');
    setRename('');
    announce(`Renamed “${isolateText(before)}” to “${isolateText(rename.trim())}”.`);
  };

  const closeRemove = () => {
    setConfirmingRemove(false);
    removeButton.current?.focus();
  };

  const onConfirmRemove = () => {
    if (!toRemove) return closeRemove();
    const result = deleteProfile(toRemove.id);
    setConfirmingRemove(false);
    if (result.ok) announce(`Removed the profile “${isolateText(toRemove.name)}” and its progress from this browser.`);
    else announce(result.error, 'problem');
    // The remove controls may be gone now (no other profile left): focus the message instead.
    focusAfterRender(() => removeButton.current ?? lineRef.current);
  };

  return (
    <section className="card progress-section" aria-labelledby="profile-heading">
      <h2 id="profile-heading">Profile</h2>
      <p>
        You are using the profile{' '}
        <strong className="profile-name">
          <bdi>{active.name}</bdi>
        </strong>
        .
      </p>
      <p className="meta">Several people can use this browser: each profile keeps its own progress.</p>

      {others.length > 0 && (
        <form onSubmit={onSwitch}>
          <div className="field">
            <label htmlFor={switchId}>Switch to another profile</label>
            <div className="field__row">
              <select id={switchId} value={switchValue} onChange={(e) => setSwitchTo(e.target.value)}>
                {others.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
              <button type="submit">Switch profile</button>
            </div>
          </div>
        </form>
      )}

      <details className="profile-task">
        <summary>Add a profile</summary>
        <form onSubmit={onAdd} noValidate>
          <NameField
            label="Name of the new profile"
            hint="For example, a first name. The new profile becomes the one in use."
            value={newName}
            onChange={setNewName}
            error={addError}
            submitLabel="Add profile"
          />
        </form>
      </details>

      <details className="profile-task">
        <summary>
          Rename “<bdi>{active.name}</bdi>”
        </summary>
        <form onSubmit={onRename} noValidate>
          <NameField label={`New name for “${isolateText(active.name)}”`} value={rename} onChange={setRename} error={renameError} submitLabel="Rename" />
        </form>
      </details>

      {others.length > 0 && (
        <details className="profile-task">
          <summary>Remove another profile</summary>
          <div className="field">
            <label htmlFor={removeSelectId}>Profile to remove</label>
            <div className="field__row">
              <select id={removeSelectId} value={removeValue} onChange={(e) => setRemoveId(e.target.value)} disabled={confirmingRemove}>
                {others.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
              <button
                type="button"
                className="button--quiet"
                ref={removeButton}
                aria-expanded={confirmingRemove}
                aria-controls={confirmingRemove ? confirmId : undefined}
                onClick={() => setConfirmingRemove(true)}
              >
                Remove…
              </button>
            </div>
          </div>
          {confirmingRemove && toRemove && (
            <ConfirmRegion
              id={confirmId}
              title={`Remove the profile “${isolateText(toRemove.name)}”?`}
              confirmLabel={`Remove “${isolateText(toRemove.name)}”`}
              cancelLabel="Keep it"
              onConfirm={onConfirmRemove}
              onCancel={closeRemove}
            >
              <p>Its progress is deleted from this browser. This cannot be undone: export a backup first if anyone may need it.</p>
            </ConfirmRegion>
          )}
        </details>
      )}

      <StatusLine status={status} ref={lineRef} />
    </section>
  );
}
