// Loading and error lines shared by every view.
export function Status({ loading, error }: { loading?: boolean; error?: string | null }) {
  if (error) return <p className="error" role="alert">Could not load: {error}</p>;
  if (loading) return <p className="muted" aria-live="polite">Loading…</p>;
  return null;
}
