import { FlaskConical } from 'lucide-react';
import { useId, useMemo, useState } from 'react';
import {
  CHAOS_TARGET_NAMES,
  CHAOS_TARGETS,
  chaosTargetFor,
  type ChaosTarget,
} from '../../../shared/chaos';
import type { NinesDocument, Variant } from '../../../shared/model/types';
import { formatCount } from '../../../shared/text';
import {
  appChaosExport,
  chaosArchive,
  chaosArchiveStem,
  chaosCommand,
  listField,
  type ChaosChoice,
} from '../app/chaos-export';
import { selectFileName } from '../app/file-names';
import { usePriceBook } from '../hooks/usePriceBook';
import { useServices } from '../hooks/useServices';
import { usePlanner } from '../store/context';
import { useModalDialog } from './useModalDialog';
import './chaos-export.css';

type SaveState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'done'; readonly message: string }
  | { readonly kind: 'error'; readonly message: string };

/**
 * "Export chaos experiments…": the scenario (or every scenario) of the variant as experiments for
 * a fault service, with the guard rails the CLI takes (stop alarms, role, subscriptions) and the
 * same warnings when they are left out; saved as one ZIP archive holding the files `nines
 * export-chaos` writes (docs/chaos.md), with the command that writes them shown.
 */
export function ChaosExportDialog({
  document,
  variant,
  scenarioId,
  onClose,
}: {
  document: NinesDocument;
  variant: Variant;
  scenarioId: string;
  onClose: () => void;
}) {
  const { host } = useServices();
  const dialog = useModalDialog(true);
  const id = useId();
  const book = usePriceBook(document);
  const fileName = usePlanner(selectFileName);
  const [target, setTarget] = useState<ChaosTarget>(() => chaosTargetFor(variant));
  const [isEveryScenario, setEveryScenario] = useState(false);
  const [alarms, setAlarms] = useState('');
  const [role, setRole] = useState('');
  const [subscriptions, setSubscriptions] = useState('');
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const scenarioName = document.scenarios?.find((s) => s.id === scenarioId)?.name ?? scenarioId;

  const choice = useMemo(
    (): ChaosChoice => ({
      target,
      variantId: variant.id,
      scenarioIds: isEveryScenario ? [] : [scenarioId],
      // Each guard rail only for the target that takes it, as the CLI's flags.
      stopAlarms: target === 'fis' ? listField(alarms) : [],
      ...(target === 'fis' && role.trim() !== '' ? { roleArn: role.trim() } : {}),
      subscriptions: target === 'azure' ? listField(subscriptions) : [],
    }),
    [target, variant.id, isEveryScenario, scenarioId, alarms, role, subscriptions],
  );
  const result = useMemo(() => appChaosExport(document, choice, book), [document, choice, book]);
  const experiments = result.ok
    ? result.exported.scenarios.filter((s) => s.kind === 'experiment').length
    : 0;

  const save = async () => {
    if (!result.ok) return;
    const stem = chaosArchiveStem(document, choice);
    const saved = await host.exportFile({
      suggestedName: `${stem}.zip`,
      mimeType: 'application/zip',
      data: chaosArchive(result.exported.files, stem),
    });
    if (!saved.ok) setState({ kind: 'error', message: saved.message });
    else if (saved.value !== null)
      setState({ kind: 'done', message: `Exported ${saved.value.name}` });
  };

  return (
    <dialog
      ref={dialog}
      className="dialog chaos-export"
      data-testid="chaos-export-dialog"
      aria-labelledby={`${id}-title`}
      onClose={onClose}
    >
      <div className="dialog__header">
        <FlaskConical size={18} aria-hidden />
        <h2 id={`${id}-title`}>Export chaos experiments</h2>
      </div>
      <p className="dialog__message">
        Each scenario becomes an experiment for a fault-injection service, with the model’s
        prediction beside it (<code>hypothesis.json</code>); a traffic shift or a corruption becomes
        runbook steps. Saved as one ZIP archive of the files <code>nines export-chaos</code> writes.
      </p>
      <div className="chaos-export__form">
        <label htmlFor={`${id}-target`}>Target</label>
        <select
          id={`${id}-target`}
          className="field__input"
          value={target}
          onChange={(event) => setTarget(event.currentTarget.value as ChaosTarget)}
        >
          {CHAOS_TARGETS.map((t) => (
            <option key={t} value={t}>
              {CHAOS_TARGET_NAMES[t]}
            </option>
          ))}
        </select>
        <span id={`${id}-scope`}>Scenarios</span>
        <span className="chaos-export__scope" role="radiogroup" aria-labelledby={`${id}-scope`}>
          <label>
            <input
              type="radio"
              name={`${id}-scope`}
              checked={!isEveryScenario}
              onChange={() => setEveryScenario(false)}
            />{' '}
            {scenarioName}
          </label>
          <label>
            <input
              type="radio"
              name={`${id}-scope`}
              checked={isEveryScenario}
              onChange={() => setEveryScenario(true)}
            />{' '}
            Every scenario of {variant.name ?? variant.id}
          </label>
        </span>
        {target === 'fis' && (
          <>
            <label htmlFor={`${id}-alarms`}>Stop alarms</label>
            <textarea
              id={`${id}-alarms`}
              className="field__input"
              rows={2}
              placeholder="CloudWatch alarm ARNs, one a line (optional)"
              value={alarms}
              onChange={(event) => setAlarms(event.currentTarget.value)}
            />
            <label htmlFor={`${id}-role`}>Role ARN</label>
            <input
              id={`${id}-role`}
              className="field__input"
              placeholder="the IAM role FIS assumes (optional)"
              value={role}
              onChange={(event) => setRole(event.currentTarget.value)}
            />
          </>
        )}
        {target === 'azure' && (
          <>
            <label htmlFor={`${id}-subscriptions`}>Subscriptions</label>
            <input
              id={`${id}-subscriptions`}
              className="field__input"
              placeholder="subscription ids (optional)"
              value={subscriptions}
              onChange={(event) => setSubscriptions(event.currentTarget.value)}
            />
          </>
        )}
      </div>
      {result.ok ? (
        <>
          <p className="chaos-export__summary" role="status" data-testid="chaos-export-summary">
            {formatCount(experiments, 'experiment')} in{' '}
            {formatCount(result.exported.files.length, 'file')}, with each scenario’s
            hypothesis.json and README.md.
          </p>
          {result.exported.warnings.length > 0 && (
            <ul className="chaos-export__warnings" data-testid="chaos-export-warnings">
              {result.exported.warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          )}
          <p className="chaos-export__command">
            Same files as{' '}
            <code data-testid="chaos-export-command">{chaosCommand(fileName, choice)}</code>
          </p>
        </>
      ) : (
        <ul className="chaos-export__warnings" role="alert">
          {result.problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      <div className="dialog__actions">
        <span className="chaos-export__status" role="status" aria-live="polite">
          {state.kind !== 'idle' && (
            <span className={state.kind === 'error' ? 'chaos-export__error' : undefined}>
              {state.message}
            </span>
          )}
        </span>
        <span className="dialog__spacer" />
        <button type="button" className="button" onClick={() => dialog.current?.close()}>
          Close
        </button>
        <button
          type="button"
          className="button button--primary"
          data-autofocus
          disabled={!result.ok}
          onClick={() => void save()}
        >
          Export ZIP…
        </button>
      </div>
    </dialog>
  );
}
