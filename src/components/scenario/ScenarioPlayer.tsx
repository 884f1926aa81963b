/**
 * Plays a branching practice conversation (modules/<id>/scenario.yaml, checked at build).
 * The learner reads the patron's line, picks what to say, and sees where it leads, down to an
 * ending with a debrief naming the duties and values in play. Step back and restart at any point;
 * the path taken stays on screen as a transcript. Buttons only, so it is all keyboard usable;
 * focus moves to each new line so screen readers read it.
 */
import { useRef, useState } from 'react';
import type { Scenario } from '../../lib/scenario';

interface Props {
  scenario: Scenario;
  /** Titles of the framework items endings name, with links to the crosswalk. */
  items: Record<string, { title: string; href: string }>;
}

interface Step {
  nodeId: string;
  choice: number;
}

export default function ScenarioPlayer({ scenario, items }: Props) {
  const [path, setPath] = useState<Step[]>([]);
  const currentRef = useRef<HTMLDivElement>(null);
  const byId = new Map(scenario.nodes.map((n) => [n.id, n]));
  const currentId = path.length === 0 ? scenario.start : byId.get(path[path.length - 1]!.nodeId)!.choices![path[path.length - 1]!.choice]!.next;
  const current = byId.get(currentId)!;

  const focusCurrent = () => requestAnimationFrame(() => currentRef.current?.focus());
  const choose = (index: number) => {
    setPath((p) => [...p, { nodeId: currentId, choice: index }]);
    focusCurrent();
  };
  const back = () => {
    setPath((p) => p.slice(0, -1));
    focusCurrent();
  };
  const restart = () => {
    setPath([]);
    focusCurrent();
  };

  return (
    <div className="scenario" data-scenario-node={current.id} data-scenario-ending={current.ending ? 'yes' : 'no'}>
      <p className="scenario__setting">
        <strong>Setting:</strong> {scenario.setting}
      </p>
      {path.length > 0 && (
        <ol className="scenario__transcript" aria-label="The conversation so far">
          {path.map((step, i) => {
            const node = byId.get(step.nodeId)!;
            const choice = node.choices![step.choice]!;
            return (
              <li key={i}>
                {node.patron && (
                  <p>
                    <span className="scenario__who">Patron:</span> {node.patron}
                  </p>
                )}
                <p>
                  <span className="scenario__who">You:</span> {choice.text}
                </p>
                {choice.note && <p className="scenario__note">{choice.note}</p>}
              </li>
            );
          })}
        </ol>
      )}

      <div className="scenario__current card" ref={currentRef} tabIndex={-1} aria-live="polite">
        {current.ending ? (
          <>
            <h3>Ending: {current.ending.title}</h3>
            <p>{current.ending.debrief}</p>
            <p className="scenario__maps">
              <strong>In play:</strong>{' '}
              {current.ending.maps.map((id, i) => (
                <span key={id}>
                  {i > 0 && ' · '}
                  <a href={items[id]?.href}>{items[id]?.title ?? id}</a>
                </span>
              ))}
            </p>
          </>
        ) : (
          <>
            {current.patron && (
              <p className="scenario__patron">
                <span className="scenario__who">Patron:</span> {current.patron}
              </p>
            )}
            <p id={`choices-${current.id}`} className="scenario__prompt">
              What do you say or do?
            </p>
            <ul className="scenario__choices" aria-labelledby={`choices-${current.id}`}>
              {current.choices!.map((choice, i) => (
                <li key={i}>
                  <button type="button" className="button--quiet" onClick={() => choose(i)}>
                    {choice.text}
                  </button>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>

      <p className="scenario__controls">
        <button type="button" className="button--quiet" onClick={back} disabled={path.length === 0}>
          Step back
        </button>{' '}
        <button type="button" className="button--quiet" onClick={restart} disabled={path.length === 0}>
          Restart
        </button>
      </p>
    </div>
  );
}
