import { useState } from 'react';
import { useCall, useCallMutation } from '../../api/use-call';
import { useApiError } from '../../components/use-api-error';
import { useT } from '../../i18n/use-t';

/**
 * Linking the seller's phone: the QR WAHA shows (asked again every few seconds and whenever main
 * says the session changed, since WAHA rotates it), or a pairing code for the phone number.
 */
export function LinkPanel() {
  const t = useT();
  const qr = useCall('whatsapp.qr', {}, { refetchEveryMs: 5_000 });
  const pairing = useCallMutation('whatsapp.pairingCode');
  const [phone, setPhone] = useState('');
  const [error, report, clear] = useApiError();
  return (
    <div className="wa-link" data-testid="wa-link">
      <div>
        <strong>{t('wa.qr')}</strong>
        {qr.data?.image ? <img className="wa-qr" src={qr.data.image} alt={t('wa.qr')} data-testid="wa-qr" /> : <progress aria-label={t('wa.qr')} />}
      </div>
      <form className="form-row" onSubmit={(e) => { e.preventDefault(); clear(); pairing.mutateAsync({ phone }).catch(report); }}>
        <span className="muted">{t('wa.pairing')}</span>
        <label>{t('wa.pairingPhone')} <input value={phone} placeholder="+7 7XX XXX XX XX" onChange={(e) => setPhone(e.target.value)} data-testid="wa-pairing-phone" /></label>
        <button type="submit" disabled={pairing.isPending || phone.trim().length < 10} data-testid="wa-pairing-get">{t('wa.pairingGet')}</button>
      </form>
      {pairing.data && <p data-testid="wa-pairing-code">{t('wa.pairingCode', { code: pairing.data.code })}</p>}
      {error && <p className="error" role="alert">{error}</p>}
    </div>
  );
}
