/**
 * Plays a branching practice conversation (modules/<id>/scenario.yaml, checked at build).
 * The learner reads the patron's line, picks what to say, and sees where it leads, down to an
 * ending with a debrief naming the duties and values in play and the kind of ending it is. Step
 * back and restart at any point; the path taken stays on screen as a transcript. Buttons only, so
 * it is all keyboard usable; focus moves to each new line so screen readers read it.
 *
 * Choices are shown in an order of this visit's own (the order as written must not be the way to
 * the best ending), and every ending reached is kept with progress: "2 of 5 endings found".
 * Both are applied after hydration, so the server's HTML and React's first render agree.
 */
import { useEffect, useRef, useState } from 'react';
import type { Scenario } from '../../lib/course/scenario';
import { endingsFound, OUTCOME_TEXT } from '../../lib/learner/scenario-endings';
import { seededShuffle } from '../../lib/learner/scoring';
import { $progress, saveScenarioEnding } from '../../stores/progress';
import { useFocusAfterRender } from '../use-focus-after-render';

interface Props {
  /** The module the scenario belongs to: endings are kept under its id. */
  moduleId: string;
  scenario: Scenario;
  /** Titles of the framework items endings name, with links to the crosswalk. */
  items: Record<string, { title: string; href: string }>;
}

interface Step {
  nodeId: string;
  choice: number;
}

export default function ScenarioPlayer({ moduleId, scenario, items }: Props) {
  const [path, setPath] = useState<Step[]>([]);
  /** A seed for this visit's choice order; 0 (the order as written) until hydrated. */
  const [seed, setSeed] = useState(0);
  const [found, setFound] = useState<Record<string, string>>({});
  const currentRef = useRef<HTMLDivElement>(null);
  const byId = new Map(scenario.nodes.map((n) => [n.id, n]));
  const currentId = path.length === 0 ? scenario.start : byId.get(path[path.length - 1]!.nodeId)!.choices![path[path.length - 1]!.choice]!.next;
  const current = byId.get(currentId)!;

  useEffect(() => {
    setSeed(Math.floor(Math.random() * 2147483646) + 1);
    return $progress.subscribe((progress) => setFound(progress.scenarios?.[moduleId] ?? {}));
  }, [moduleId]);
  useEffect(() => {
    if (current.ending) saveScenarioEnding(moduleId, current.id);
  }, [moduleId, current]);

  const choiceOrder = (nodeId: string, count: number) => (seed === 0 ? [...Array(count).keys()] : seededShuffle([...Array(count).keys()], seed + nodeId.length * 7919 + nodeId.charCodeAt(0)));
  const summary = endingsFound(scenario, Object.keys(found));

  const focusAfterRender = useFocusAfterRender();
  const focusCurrent = () => focusAfterRender(() => currentRef.current);
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
            <p className={`scenario__outcome scenario__outcome--${current.ending.outcome}`}>
              <span aria-hidden="true">{OUTCOME_TEXT[current.ending.outcome].icon} </span>
              {OUTCOME_TEXT[current.ending.outcome].label}
            </p>
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
              {choiceOrder(current.id, current.choices!.length).map((i) => (
                <li key={i}>
                  <button type="button" className="button--quiet" onClick={() => choose(i)}>
                    {current.choices![i]!.text}
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
      <p className="scenario__found meta" data-endings-found={summary.found}>
        {summary.text}
      </p>
    </div>
  );
}
