// Small form helpers for the ticket actions: labelled fields and a submit that shows the API's answer.
import { el } from "./dom.js";
import { ApiError, newIdempotencyKey } from "./api.js";

let nextId = 0;

/** A labelled input, select or textarea; options are [value, label] pairs for a select. */
export function field(label, { name, type = "text", options, required = false, placeholder, rows, value, maxlength }) {
  const id = `f-${name}-${++nextId}`;
  let control;
  if (options) {
    control = el("select", { id, name, required }, options.map(([v, text]) => el("option", { value: v, text })));
    if (value !== undefined) control.value = value;
  } else if (type === "textarea") {
    control = el("textarea", { id, name, required, placeholder, rows: rows ?? 3, maxlength });
  } else {
    control = el("input", { id, name, type, required, placeholder, maxlength, value });
  }
  return el("div", { class: "field" }, el("label", { for: id, text: label }), control);
}

/**
 * A form whose submit calls `action(values, { key, onRetry })` (a promise of the updated ticket; pass the options on to
 * postAction). Each submit is one user action with its own Idempotency-Key, except that submitting the same values again
 * after an answer that left it unknown whether the action happened (no answer, 5xx) reuses that key. The API's problem
 * detail is shown next to the form; on success `done(ticket, values)` runs and the form is cleared. `head` replaces the
 * title heading; `failed(failure, values)` runs after the detail is shown.
 */
export function actionForm({ name, title, hint, head, fields, submit, action, done, failed, okText = "Saved", keepValues = false }) {
  const error = el("p", { class: "form-error", role: "alert", hidden: true });
  const ok = el("p", { class: "form-ok", role: "status", hidden: true });
  const button = el("button", { type: "submit", class: "primary", text: submit });
  const form = el(
    "form",
    { class: `action action-${name}`, "aria-label": title, novalidate: false },
    head ?? el("h4", { text: title }),
    hint ? el("p", { class: "hint", text: hint }) : null,
    fields,
    el("div", { class: "actions" }, button, ok),
    error,
  );
  let unsettled = null; // { key, signature } of an action whose outcome is unknown
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    error.hidden = true;
    ok.hidden = true;
    button.disabled = true;
    const values = Object.fromEntries(new FormData(form).entries());
    const signature = JSON.stringify(values);
    const key = unsettled?.signature === signature ? unsettled.key : newIdempotencyKey();
    unsettled = null;
    const onRetry = (wait) => {
      ok.textContent = `No answer yet; trying again in ${Math.max(1, Math.round(wait / 1000))} s…`;
      ok.hidden = false;
    };
    try {
      const ticket = await action(values, { key, onRetry });
      if (!keepValues) {
        form.reset();
      }
      ok.textContent = okText;
      ok.hidden = false;
      done(ticket, values);
    } catch (failure) {
      ok.hidden = true;
      if (failure instanceof ApiError && failure.ambiguous) {
        unsettled = { key, signature };
      }
      error.textContent = failure instanceof ApiError ? failure.message : `Unexpected error: ${failure}`;
      error.hidden = false;
      failed?.(failure, values);
    } finally {
      button.disabled = false;
    }
  });
  return { form, error, ok, button };
}
