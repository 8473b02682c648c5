// What a form's action answered, under the form: a status, or an alert for a refusal. One home for
// the users page, the sign-in setting and the tokens page, which all style it with users.css.
export function FormOutcome({ state }: { state: { ok: boolean; message: string } | null }) {
  if (!state) return null;
  return (
    <p className={state.ok ? "user-form-outcome" : "user-form-outcome error"} role={state.ok ? "status" : "alert"}>
      {state.message}
    </p>
  );
}
