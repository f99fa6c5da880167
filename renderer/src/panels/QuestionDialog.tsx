import type { LucideIcon } from 'lucide-react';
import { useId, type ReactNode } from 'react';
import { useModalDialog } from './useModalDialog';

/** One answer to a question: its button's label and what choosing it does. */
export interface QuestionAnswer {
  readonly label: string;
  readonly onChoose: () => void;
}

/** What a {@link QuestionDialog} asks and the answers it offers. */
export interface QuestionDialogProps {
  /** The dialog's `data-testid`. */
  readonly testId: string;
  readonly icon: LucideIcon;
  /** Class of the icon, which gives its colour: a warning unless told otherwise. */
  readonly iconClassName?: string;
  /** Extra class of the dialog, e.g. a wider one. */
  readonly className?: string;
  /** The question, as the dialog's heading and accessible name. */
  readonly title: ReactNode;
  /** What each answer means, as the dialog's description. */
  readonly message: ReactNode;
  /** Details between the message and the answers (a list of problems). */
  readonly children?: ReactNode;
  /** The answer that gives something up (Don't save, Overwrite, Discard), alone at the left. */
  readonly alternative?: QuestionAnswer;
  /**
   * Cancel: a button, and what Escape does. Without it Escape does nothing: the question must
   * be answered.
   */
  readonly onCancel?: () => void;
  /** The default answer, at the right: it has the focus, so Enter chooses it. */
  readonly primary: QuestionAnswer;
}

/**
 * A modal question that protects work: icon and question, what the answers mean, then the
 * answers (the one that gives something up at the left, Cancel and the default at the right).
 * Mount it only while the question stands; it opens as a modal with the default focused.
 */
export function QuestionDialog({
  testId,
  icon: Icon,
  iconClassName = 'confirm__icon',
  className,
  title,
  message,
  children,
  alternative,
  onCancel,
  primary,
}: QuestionDialogProps) {
  const dialog = useModalDialog(true);
  const id = useId();
  return (
    <dialog
      ref={dialog}
      className={className ? `dialog confirm ${className}` : 'dialog confirm'}
      data-testid={testId}
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-message`}
      onCancel={(event) => {
        event.preventDefault();
        onCancel?.();
      }}
    >
      <div className="dialog__header">
        <Icon className={iconClassName} size={18} aria-hidden />
        <h2 id={`${id}-title`}>{title}</h2>
      </div>
      <p id={`${id}-message`} className="dialog__message">
        {message}
      </p>
      {children}
      <div className="dialog__actions">
        {alternative && (
          <button type="button" className="button" onClick={alternative.onChoose}>
            {alternative.label}
          </button>
        )}
        <span className="dialog__spacer" />
        {onCancel && (
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
        )}
        <button
          type="button"
          className="button button--primary"
          data-autofocus
          onClick={primary.onChoose}
        >
          {primary.label}
        </button>
      </div>
    </dialog>
  );
}
