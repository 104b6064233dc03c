import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import { useCall, useCallMutation } from '../../api/use-call';
import { useApiError } from '../../components/use-api-error';
import { useSay, useT } from '../../i18n/use-t';
import { userMessageOf } from '../../../src-shared/i18n';

export function BackupSettings() {
  const t = useT();
  const say = useSay();
  // Copies made here, from another window or through the API come with main's 'backup.changed'
  // (query-client.ts); a file the seller puts in the folder by hand is seen when the page opens.
  const listed = useCall('backup.list', {}, { readOnOpen: true });
  const backups = listed.data ?? [];
  const createBackup = useCallMutation('backup.create', ['backup.list']);
  const restoreBackup = useCallMutation('backup.restore', ['backup.list']);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, report, clear] = useApiError();
  const shownError = error ?? (listed.error ? say(userMessageOf(listed.error)) : null);

  useEffect(() => api.on('backup.progress', setProgress), []);

  async function create() {
    clear();
    setMessage(null);
    try {
      const created = await createBackup.mutateAsync({});
      setMessage(t('settings.backup.created', { path: created.path }));
    } catch (err) {
      report(err);
    } finally {
      setProgress(null);
    }
  }

  /** A copy from the list by name, or any file through the desktop's file dialog (headless explains where to put it). */
  async function restore(source: { name: string } | { pickFile: true }) {
    clear();
    setMessage(null);
    try {
      await restoreBackup.mutateAsync(source);
      setMessage(t('settings.backup.restored'));
    } catch (err) {
      if ((err as { code?: string }).code !== 'cancelled') report(err);
    }
  }

  return (
    <div className="card" data-testid="backup-settings">
      <strong>{t('settings.backup')}</strong>
      <p className="muted">{t('settings.backup.hint')}</p>
      <button className="primary" onClick={() => void create()} disabled={!!progress} data-testid="backup-create">{t('settings.backup.create')}</button>
      {progress && progress.total > 0 && (
        <div className="progress"><div className="bar" style={{ width: `${Math.round((100 * progress.done) / progress.total)}%` }} /></div>
      )}
      {backups.length === 0 ? <p className="muted">{t('settings.backup.none')}</p> : (
        <ul className="plain-list">
          {backups.map((b) => (
            <li key={b.path}>
              <span className="mono">{b.name}</span> <span className="muted">({Math.ceil(b.sizeBytes / 1024)} KB)</span>{' '}
              <button onClick={() => void restore({ name: b.name })}>{t('settings.backup.restore')}</button>
            </li>
          ))}
        </ul>
      )}
      <div className="toolbar">
        <button onClick={() => void restore({ pickFile: true })} data-testid="backup-pick">{t('settings.backup.restoreFile')}</button>
      </div>
      {message && <p className="ok-text" role="status" data-testid="backup-message">{message}</p>}
      {shownError && <p className="error" role="alert">{shownError}</p>}
    </div>
  );
}
