// A "+N more" button that opens what does not fit on the wall (alarms waiting behind the large tile, cameras past
// the grid) as a list beside the screen; Escape, the close button or a click outside closes it.
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';

interface MoreListProps {
  /** The button's text, e.g. "+3 more". */
  label: string;
  heading: string;
  hint: string;
  count: number;
  /** `<li>` items; `close` is for an item that changes what the wall shows. */
  children: (close: () => void) => ReactNode;
  testId: string;
  className?: string;
}

export function MoreList({ label, heading, hint, count, children, testId, className }: MoreListProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const dialogRef = useRef<HTMLDialogElement>(null);

  // A modal <dialog> keeps focus inside, closes on Escape and hands focus back to the button when it closes.
  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  // The wall's keys (A acknowledges the large tile's alarm) must not act behind the list.
  const keepKeys = (e: KeyboardEvent) => e.stopPropagation();

  return (
    <>
      <button
        type="button"
        className={`wall-more-button ${className ?? ''}`}
        aria-haspopup="dialog"
        aria-expanded={open}
        onClick={() => setOpen(true)}
        data-testid={testId}
        data-count={count}
      >
        {label}
      </button>
      {/* Outside the takeover's live region, so opening the list is not read out as an alarm. */}
      {createPortal(
        <dialog
          ref={dialogRef}
          className="wall-more-dialog"
          aria-labelledby={`${testId}-heading`}
          onClose={() => setOpen(false)}
          onKeyDown={keepKeys}
          // A click on the backdrop lands on the dialog itself; the content sits in the inner box.
          onClick={(e) => {
            if (e.target === e.currentTarget) setOpen(false);
          }}
          data-testid={`${testId}-list`}
        >
          {open && (
            <div className="wall-more-box">
              <div className="wall-more-head">
                <h2 id={`${testId}-heading`}>{heading}</h2>
                <button type="button" className="button secondary" onClick={() => setOpen(false)} data-testid={`${testId}-close`}>
                  {t('wall.closeList')}
                </button>
              </div>
              <p className="wall-more-hint">{hint}</p>
              <ul className="wall-more-items">{children(() => setOpen(false))}</ul>
            </div>
          )}
        </dialog>,
        document.body,
      )}
    </>
  );
}
