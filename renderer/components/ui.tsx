import { useRef, type ReactNode } from 'react';
import { useContainedError } from './validation';
import type { JobStatus } from '../../shared/ipc/channels/app';

export function PageHeader({ title, subtitle, actions }: { title: string; subtitle?: string; actions?: ReactNode }) {
  return (
    <header className="page-header">
      <div>
        <h1>{title}</h1>
        {subtitle && <p className="muted">{subtitle}</p>}
      </div>
      {actions && <div className="actions">{actions}</div>}
    </header>
  );
}

/** An honest empty state: what this screen will do, and the first step to get there. */
export function EmptyState({ title, children, action }: { title: string; children: ReactNode; action?: ReactNode }) {
  return (
    <div className="empty-state" role="status">
      <h2>{title}</h2>
      <div className="muted">{children}</div>
      {action && <div className="empty-action">{action}</div>}
    </div>
  );
}

export function ErrorBanner({ message, onClose }: { message: string | null; onClose?: () => void }) {
  if (!message) return null;
  return (
    <div className="banner banner-error" role="alert">
      <span>{message}</span>
      {onClose && <button className="link" onClick={onClose} aria-label="Đóng thông báo">Đóng</button>}
    </div>
  );
}

export function Notice({ message }: { message: string | null }) {
  if (!message) return null;
  return <div className="banner banner-ok" role="status">{message}</div>;
}

/** A labelled control; a failed check of the control inside (see validation.tsx) or `error` shows under it, in Vietnamese. */
export function Field({ label, children, hint, error }: { label: string; children: ReactNode; hint?: string; error?: string | null }) {
  const ref = useRef<HTMLLabelElement>(null);
  const checked = useContainedError(ref);
  const message = error ?? checked;
  return (
    <label className="field" ref={ref} data-shows-errors="">
      <span className="field-label">{label}</span>
      {children}
      {message ? <span className="field-error" role="alert">{message}</span> : hint && <span className="field-hint muted">{hint}</span>}
    </label>
  );
}

export function ProgressBar({ status, onCancel }: { status: JobStatus | null; onCancel?: () => void }) {
  if (!status || status.state !== 'running') return null;
  return (
    <div className="progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(status.progress * 100)}>
      <div className="progress-track"><div className="progress-fill" style={{ width: `${Math.round(status.progress * 100)}%` }} /></div>
      <span className="progress-text">{status.message} ({Math.round(status.progress * 100)}%)</span>
      {onCancel && <button onClick={onCancel}>Huỷ</button>}
    </div>
  );
}

export function Modal({ title, children, onClose, footer }: { title: string; children: ReactNode; onClose: () => void; footer?: ReactNode }) {
  return (
    <div className="modal-backdrop" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <div className="modal" role="dialog" aria-modal="true" aria-label={title}>
        <header className="modal-header">
          <h2>{title}</h2>
          <button className="link" onClick={onClose} aria-label="Đóng">✕</button>
        </header>
        <div className="modal-body">{children}</div>
        {footer && <footer className="modal-footer">{footer}</footer>}
      </div>
    </div>
  );
}
