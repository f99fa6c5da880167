// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { evaluate } from '../../../shared/engine';
import { dep, singleVariant } from '../../../shared/testing/builders';
import { ScenarioMatrix } from './ScenarioMatrix';

afterEach(cleanup);

describe('ScenarioMatrix', () => {
  it('shows an unknown RTO as "unknown" with the engine\'s reason, never as ∞', () => {
    // The service has an availability but no repair time: its loss has no known end.
    const doc = singleVariant(
      'lb',
      [
        { id: 'r', kind: 'region', availability: 0.9999 },
        { id: 'lb', kind: 'router', parent: 'r', availability: 0.9999 },
        { id: 'app', kind: 'service', parent: 'r', availability: 0.99 },
      ],
      [dep('lb', 'app')],
    );
    doc.scenarios = [{ id: 'loss', name: 'Loss of app', fail: ['app'] }];
    const evaluation = evaluate(doc).variants[0];
    const result = evaluation?.scenarios[0];
    expect(result?.rtoSeconds).toBeNull();
    render(<ScenarioMatrix document={doc} evaluations={evaluation ? [evaluation] : []} />);
    const rto = screen.getByTestId('rto');
    expect(rto.textContent).toBe('unknown');
    expect(rto.title).toBe(result?.rto.reason);
    expect(rto.getAttribute('aria-label')).toBe(`unknown: ${result?.rto.reason ?? ''}`);
    expect(document.body.textContent).not.toContain('∞');
  });
});
