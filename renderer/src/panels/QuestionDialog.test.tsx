// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { TriangleAlert } from 'lucide-react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { QuestionDialog } from './QuestionDialog';

beforeAll(() => {
  // jsdom has <dialog> but not its modal methods.
  HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
});

afterEach(cleanup);

function ask(onCancel?: () => void) {
  const answers = { alternative: vi.fn(), primary: vi.fn() };
  render(
    <QuestionDialog
      testId="question"
      icon={TriangleAlert}
      title="Save the changes?"
      message="Your changes are lost if you don’t save them."
      alternative={{ label: 'Don’t save', onChoose: answers.alternative }}
      {...(onCancel ? { onCancel } : {})}
      primary={{ label: 'Save', onChoose: answers.primary }}
    />,
  );
  return answers;
}

describe('QuestionDialog', () => {
  it('opens as a modal named by its question and described by its message', () => {
    ask(() => undefined);
    const dialog = screen.getByRole('dialog', { name: 'Save the changes?' });
    expect(dialog).toBe(screen.getByTestId('question'));
    expect((dialog as HTMLDialogElement).open).toBe(true);
    expect(dialog.getAttribute('aria-describedby')).toBe(
      screen.getByText('Your changes are lost if you don’t save them.').id,
    );
  });

  it('offers the alternative, Cancel and the default in that order, the default focused', () => {
    const answers = ask(() => undefined);
    const names = screen.getAllByRole('button').map((button) => button.textContent);
    expect(names).toEqual(['Don’t save', 'Cancel', 'Save']);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Save' }));
    fireEvent.click(screen.getByRole('button', { name: 'Don’t save' }));
    expect(answers.alternative).toHaveBeenCalledOnce();
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(answers.primary).toHaveBeenCalledOnce();
  });

  it('cancels on Escape, leaving the closing to the answer', () => {
    const onCancel = vi.fn();
    ask(onCancel);
    const escape = new Event('cancel', { cancelable: true });
    screen.getByTestId('question').dispatchEvent(escape);
    expect(onCancel).toHaveBeenCalledOnce();
    expect(escape.defaultPrevented).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onCancel).toHaveBeenCalledTimes(2);
  });

  it('without a cancel answer has no Cancel button and stays open on Escape', () => {
    ask();
    expect(screen.queryByRole('button', { name: 'Cancel' })).toBeNull();
    const escape = new Event('cancel', { cancelable: true });
    screen.getByTestId('question').dispatchEvent(escape);
    expect(escape.defaultPrevented).toBe(true);
  });
});
