// @vitest-environment jsdom
// A modal dialog gives the focus back to its opener when it closes or is unmounted by an answer,
// unless the focus already went somewhere else.
import { act, cleanup, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { useModalDialog } from './useModalDialog';

beforeAll(() => {
  // jsdom has <dialog> but not its modal methods.
  HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  HTMLDialogElement.prototype.close ??= function (this: HTMLDialogElement) {
    this.removeAttribute('open');
    this.dispatchEvent(new Event('close'));
  };
});

afterEach(cleanup);

function Dialog({ onAnswer }: { onAnswer: () => void }) {
  const dialog = useModalDialog(true);
  return (
    <dialog ref={dialog} aria-label="Question">
      <button type="button">Other</button>
      <button type="button" data-autofocus onClick={onAnswer}>
        Answer
      </button>
      <button type="button" onClick={() => dialog.current?.close()}>
        Close
      </button>
    </dialog>
  );
}

function Window() {
  const [isOpen, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Opener
      </button>
      <button type="button">Elsewhere</button>
      {isOpen && <Dialog onAnswer={() => setOpen(false)} />}
    </>
  );
}

function open() {
  render(<Window />);
  const opener = screen.getByRole('button', { name: 'Opener' });
  opener.focus();
  act(() => opener.click());
  return opener;
}

describe('useModalDialog', () => {
  it('opens with the safe answer focused', () => {
    open();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Answer' }));
  });

  it('gives the focus back to the opener when an answer unmounts it', () => {
    const opener = open();
    act(() => screen.getByRole('button', { name: 'Answer' }).click());
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(opener);
  });

  it('gives the focus back to the opener when it closes', () => {
    const opener = open();
    act(() => screen.getByRole('button', { name: 'Close' }).click());
    expect(document.activeElement).toBe(opener);
  });

  it('leaves the focus where an answer put it outside the dialog', () => {
    open();
    const elsewhere = screen.getByRole('button', { name: 'Elsewhere' });
    act(() => {
      elsewhere.focus();
      screen.getByRole('button', { name: 'Close' }).click();
    });
    expect(document.activeElement).toBe(elsewhere);
  });
});
