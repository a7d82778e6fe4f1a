// Review an event: confirm, correct or reject it. The bearer token is asked once per browser
// session (sessionStorage); the store keeps corrections across re-extraction.
import { useState, type FormEvent } from 'react';
import { ApiError, postCorrection, type CorrectionRequest, type EventItem } from '../src/api.ts';
import { EVENT_STATUSES, PLOVER_TYPES } from '../common/colours.ts';

const TOKEN_KEY = 'trucewatch.token';
const WHO_KEY = 'trucewatch.who';

interface Credentials {
  token: string;
  who: string;
}

function stored(): Credentials | null {
  const token = sessionStorage.getItem(TOKEN_KEY);
  return token ? { token, who: sessionStorage.getItem(WHO_KEY) || 'analyst' } : null;
}

function CredentialsForm({ onSave }: { onSave: (c: Credentials) => void }) {
  const [who, setWho] = useState('');
  const [token, setToken] = useState('');
  const save = (e: FormEvent) => {
    e.preventDefault();
    if (!token.trim()) return;
    sessionStorage.setItem(TOKEN_KEY, token.trim());
    sessionStorage.setItem(WHO_KEY, who.trim() || 'analyst');
    onSave({ token: token.trim(), who: who.trim() || 'analyst' });
  };
  return (
    <form className="credentials" onSubmit={save} aria-label="Reviewer sign-in">
      <p>Reviewing needs the server's write token (kept for this browser session only).</p>
      <label>Your name <input name="who" value={who} onChange={(e) => setWho(e.target.value)} autoComplete="name" /></label>
      <label>Token <input name="token" type="password" value={token} onChange={(e) => setToken(e.target.value)} required autoComplete="off" /></label>
      <button type="submit">Save</button>
    </form>
  );
}

function EditForm({ event, onSubmit, onCancel }: { event: EventItem; onSubmit: (fields: Record<string, unknown>) => void; onCancel: () => void }) {
  const [type, setType] = useState(event.type);
  const [status, setStatus] = useState(event.status);
  const [date, setDate] = useState(event.date ?? '');
  const [location, setLocation] = useState(event.location);
  const [fatalities, setFatalities] = useState(event.fatalities === null ? '' : String(event.fatalities));
  const [error, setError] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const fields: Record<string, unknown> = {};
    if (type !== event.type) fields.type = type;
    if (status !== event.status) fields.status = status;
    if (date !== (event.date ?? '')) fields.date = date || null;
    if (location !== event.location) fields.location = location;
    const f = fatalities.trim() === '' ? null : Number(fatalities);
    if (f !== null && (!Number.isInteger(f) || f < 0)) return setError('Fatalities must be a whole number of 0 or more, or empty.');
    if (f !== event.fatalities) fields.fatalities = f;
    if (Object.keys(fields).length === 0) return setError('Change at least one field.');
    setError(null);
    onSubmit(fields);
  };
  return (
    <form className="edit" onSubmit={submit} aria-label="Correct this event">
      <label>Type <select name="type" value={type} onChange={(e) => setType(e.target.value)}>{PLOVER_TYPES.map((t) => <option key={t}>{t}</option>)}</select></label>
      <label>Status <select name="status" value={status} onChange={(e) => setStatus(e.target.value)}>{EVENT_STATUSES.map((s) => <option key={s}>{s}</option>)}</select></label>
      <label>Date <input name="date" value={date} onChange={(e) => setDate(e.target.value)} placeholder="YYYY-MM-DD" size={12} /></label>
      <label>Location <input name="location" value={location} onChange={(e) => setLocation(e.target.value)} /></label>
      <label>Fatalities <input name="fatalities" value={fatalities} onChange={(e) => setFatalities(e.target.value)} inputMode="numeric" size={4} /></label>
      {error && <p className="error" role="alert">{error}</p>}
      <button type="submit">Save correction</button>
      <button type="button" onClick={onCancel}>Cancel</button>
    </form>
  );
}

export function ReviewPanel({ event, onChanged }: { event: EventItem; onChanged: () => void }) {
  const [creds, setCreds] = useState<Credentials | null>(stored);
  const [editing, setEditing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  if (!creds) return <CredentialsForm onSave={setCreds} />;
  const send = async (action: CorrectionRequest['action'], payload?: Record<string, unknown>) => {
    setBusy(true);
    try {
      await postCorrection(creds.token, { who: creds.who, action, target: event.id, payload });
      setMessage({ ok: true, text: action === 'confirm' ? 'Confirmed.' : action === 'reject' ? 'Rejected: hidden from lists from now on.' : 'Correction saved.' });
      setEditing(false);
      onChanged();
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) {
        sessionStorage.removeItem(TOKEN_KEY);
        setCreds(null);
      }
      setMessage({ ok: false, text: (e as Error).message });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="review" aria-label="Review">
      <p>
        Review state: <strong data-testid="review-state">{event.review ?? 'not reviewed'}{event.edited ? ' · corrected' : ''}</strong>
      </p>
      {editing ? (
        <EditForm event={event} onSubmit={(fields) => send('edit', { fields })} onCancel={() => setEditing(false)} />
      ) : (
        <div className="actions">
          <button type="button" disabled={busy} onClick={() => send('confirm')}>Confirm</button>
          <button type="button" disabled={busy} onClick={() => setEditing(true)}>Correct…</button>
          <button type="button" disabled={busy} onClick={() => send('reject')}>Reject</button>
        </div>
      )}
      {message && <p className={message.ok ? 'ok' : 'error'} role="status">{message.text}</p>}
    </div>
  );
}
