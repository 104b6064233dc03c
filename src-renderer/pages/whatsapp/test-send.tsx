import { useState } from 'react';
import { useCallMutation } from '../../api/use-call';
import { useApiError } from '../../components/use-api-error';
import { useT } from '../../i18n/use-t';

/** A test message to the seller's own number, through the outbox like any other. */
export function TestSend({ storeId }: { storeId: number }) {
  const t = useT();
  const [phone, setPhone] = useState('');
  const [text, setText] = useState('');
  const [done, setDone] = useState(false);
  const [error, report, clear] = useApiError();
  const send = useCallMutation('whatsapp.testSend', ['whatsapp.outbox']);
  return (
    <form className="card" data-testid="wa-test" onSubmit={(e) => { e.preventDefault(); clear(); setDone(false); send.mutateAsync({ storeId, phone: phone.trim() || undefined, text }).then(() => setDone(true), report); }}>
      <strong>{t('wa.test')}</strong>
      <p className="muted">{t('wa.testHint')}</p>
      <div className="form-row">
        <label>{t('wa.testPhone')} <input value={phone} placeholder="+7 7XX XXX XX XX" onChange={(e) => setPhone(e.target.value)} data-testid="wa-test-phone" /></label>
        <label>{t('wa.testText')} <input className="wide-input" value={text} onChange={(e) => setText(e.target.value)} data-testid="wa-test-text" /></label>
        <button type="submit" disabled={send.isPending || !text.trim()} data-testid="wa-test-send">{t('wa.testSend')}</button>
        {done && <span className="ok-text">{t('wa.testQueued')}</span>}
      </div>
      {error && <p className="error" role="alert">{error}</p>}
    </form>
  );
}
