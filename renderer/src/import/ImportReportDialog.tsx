/**
 * The report of a Terraform import, shown before the design opens: what was mapped, every value
 * assumed (each opens the design at its node), every edge inferred, every warning, the types
 * skipped and the nodes left unconnected.
 */
import { FileInput } from 'lucide-react';
import type { ReactNode } from 'react';
import { formatCount } from '../../../shared/text';
import { useModalDialog } from '../panels/useModalDialog';
import type { TerraformImport } from './useTerraformImport';
import './import.css';

function Section({
  title,
  count,
  children,
}: {
  title: string;
  count: number;
  children: ReactNode;
}) {
  if (count === 0) return null;
  return (
    <section className="import-report__section" aria-label={title}>
      <h3>
        {title} <span className="import-report__count">{count}</span>
      </h3>
      <ul>{children}</ul>
    </section>
  );
}

export function ImportReportDialog({ importer }: { importer: TerraformImport }) {
  const { pending } = importer;
  const dialog = useModalDialog(pending !== null);
  if (!pending) return null;
  const { report } = pending;
  const c = report.counts;
  const source = report.source.kind === 'terraform-plan' ? 'plan' : 'state';
  return (
    <dialog
      ref={dialog}
      className="dialog import-report"
      data-testid="import-report"
      aria-labelledby="import-report-title"
      onClose={importer.dismiss}
    >
      <div className="dialog__header">
        <FileInput size={18} aria-hidden />
        <h2 id="import-report-title">Import {pending.fileName}</h2>
      </div>
      <p className="dialog__message">
        A Terraform {source}
        {report.source.terraformVersion
          ? ` (terraform ${report.source.terraformVersion})`
          : ''}: {formatCount(c.resources, 'resource')}, {c.mapped} mapped, {c.skipped} skipped.
        Check what was assumed before you rely on the figures.
      </p>
      <dl className="import-report__counts" aria-label="Summary">
        {(
          [
            ['Mapped', c.mapped],
            ['Assumed', c.assumed],
            ['Inferred', c.inferred],
            ['Skipped', c.skipped],
            ['Warnings', c.warnings],
          ] as const
        ).map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <div className="import-report__body">
        <Section title="Assumed" count={report.assumed.length}>
          {report.assumed.map((a, i) => (
            <li key={i}>
              <button
                type="button"
                className="import-report__link"
                title={`Open the design at ${a.node}`}
                onClick={() => void importer.open(a.node)}
              >
                <code>{a.node}</code>.{a.field} = <strong>{String(a.value)}</strong>
              </button>{' '}
              <span className="import-report__why">{a.why}</span>
            </li>
          ))}
        </Section>
        <Section title="Inferred" count={report.inferred.length}>
          {report.inferred.map((e, i) => (
            <li key={i}>
              <code>{e.from}</code> → <code>{e.to}</code>{' '}
              <span className="import-report__why">{e.why}</span>
            </li>
          ))}
        </Section>
        <Section title="Warnings" count={report.warnings.length}>
          {report.warnings.map((w, i) => (
            <li key={i}>
              <code>{w.code}</code> <span className="import-report__why">{w.message}</span>
            </li>
          ))}
        </Section>
        <Section title="Unconnected" count={report.unconnected.length}>
          {report.unconnected.map((id) => (
            <li key={id}>
              <code>{id}</code>{' '}
              <span className="import-report__why">
                no request path reaches it: connect it by hand
              </span>
            </li>
          ))}
        </Section>
        <Section title="Skipped" count={report.skipped.length}>
          {report.skipped.map((s) => (
            <li key={s.type}>
              <code>{s.type}</code> ×{s.count}
            </li>
          ))}
        </Section>
      </div>
      <div className="dialog__actions">
        <label className="import-report__drills">
          <input
            type="checkbox"
            checked={importer.withDrills}
            onChange={(event) => importer.setWithDrills(event.target.checked)}
          />{' '}
          Add the standard drills (zone, region, partition, corruption)
        </label>
        <span className="dialog__spacer" />
        <button type="button" className="button" onClick={() => dialog.current?.close()}>
          Cancel
        </button>
        <button
          type="button"
          className="button button--primary"
          data-autofocus
          onClick={() => void importer.open()}
        >
          Open design
        </button>
      </div>
    </dialog>
  );
}
