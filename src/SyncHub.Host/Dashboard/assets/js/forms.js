// Small form helpers for the ticket actions: labelled fields and a submit that shows the API's answer.
import { el } from "./dom.js";
import { ApiError } from "./api.js";

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
 * A form whose submit calls `action(values)` (a promise of the updated ticket). The API's problem detail is shown
 * next to the form; on success `done(ticket)` runs and the form is cleared.
 */
export function actionForm({ name, title, hint, fields, submit, action, done, keepValues = false }) {
  const error = el("p", { class: "form-error", role: "alert", hidden: true });
  const ok = el("p", { class: "form-ok", role: "status", hidden: true });
  const button = el("button", { type: "submit", class: "primary", text: submit });
  const form = el(
    "form",
    { class: `action action-${name}`, "aria-label": title, novalidate: false },
    el("h4", { text: title }),
    hint ? el("p", { class: "hint", text: hint }) : null,
    fields,
    el("div", { class: "actions" }, button, ok),
    error,
  );
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    error.hidden = true;
    ok.hidden = true;
    button.disabled = true;
    const values = Object.fromEntries(new FormData(form).entries());
    try {
      const ticket = await action(values);
      if (!keepValues) {
        form.reset();
      }
      ok.textContent = "Saved";
      ok.hidden = false;
      done(ticket);
    } catch (failure) {
      error.textContent = failure instanceof ApiError ? failure.message : `Unexpected error: ${failure}`;
      error.hidden = false;
    } finally {
      button.disabled = false;
    }
  });
  return { form, error, ok };
}
