// Why an operator action (acknowledge, resolve, …) failed, shown where it was tried; nothing when it did not fail.
export function ActionError({ error }: { error: string | null | undefined }) {
  if (!error) return null;
  return (
    <div className="event-error" role="alert">
      {error}
    </div>
  );
}
