// The investigation checklist of the support process, shown beside the diagnostics the channel brought: the problem
// in the agent's words, the data gathered (affected users, reproducible or intermittent, since when, what changed,
// client and version), reproduced on a test system, solution tested. Saved with POST .../checklist.
import { el } from "./dom.js";
import { ApiError, newIdempotencyKey, postAction } from "./api.js";
import { field } from "./forms.js";

const TEXTS = [
  ["problemRestated", "Problem in my words", "textarea", "What the customer needs, restated"],
  ["affectedUsers", "Affected users", "text", "one user, a team, everyone…"],
  ["since", "Since when", "text", "since Monday's update…"],
  ["whatChanged", "What changed", "text", "new version, new network…"],
  ["clientVersion", "Client and version", "text", ""],
];
const CHECKS = [
  ["reproducedOnTestSystem", "Reproduced on a test system"],
  ["solutionTested", "Solution tested"],
];
const REPRODUCIBILITY = [["Unknown", "Not known yet"], ["Reproducible", "Reproducible"], ["Intermittent", "Intermittent"]];

function done(checklist) {
  const c = checklist ?? {};
  const items = [...TEXTS.map(([name]) => Boolean(c[name] && String(c[name]).trim())), c.reproducibility && c.reproducibility !== "Unknown", ...CHECKS.map(([name]) => c[name] === true)];
  return { done: items.filter(Boolean).length, total: items.length };
}

export class Checklist {
  /** ticketId(): the open ticket's id; applied(ticket): the saved ticket. */
  constructor({ ticketId, applied }) {
    this.ticketId = ticketId;
    this.dirty = false;
    this.progress = el("span", { class: "checklist-progress muted" });
    this.error = el("p", { class: "form-error", role: "alert", hidden: true });
    this.ok = el("p", { class: "form-ok", role: "status", hidden: true });
    this.button = el("button", { type: "submit", class: "primary", text: "Save checklist" });
    this.form = el("form", { class: "checklist", "aria-label": "Investigation checklist" },
      el("h3", {}, "Investigation checklist ", this.progress),
      TEXTS.map(([name, label, type, placeholder]) => field(label, { name, type, rows: 2, placeholder, maxlength: name === "problemRestated" ? 2000 : 500 })),
      field("Reproducible?", { name: "reproducibility", options: REPRODUCIBILITY }),
      el("div", { class: "checks" }, CHECKS.map(([name, label]) => el("label", { class: "check" },
        el("input", { type: "checkbox", name, value: "true" }), ` ${label}`))),
      el("div", { class: "actions" }, this.button, this.ok),
      this.error);
    this.form.addEventListener("input", () => {
      this.dirty = true;
      this.ok.hidden = true;
    });
    this.form.addEventListener("submit", (event) => {
      event.preventDefault();
      this.save(applied);
    });
    this.key = null;
  }

  values() {
    const body = {};
    for (const [name] of TEXTS) {
      body[name] = this.form.elements.namedItem(name).value;
    }
    body.reproducibility = this.form.elements.namedItem("reproducibility").value;
    for (const [name] of CHECKS) {
      body[name] = this.form.elements.namedItem(name).checked;
    }
    return body;
  }

  async save(applied) {
    this.error.hidden = true;
    this.button.disabled = true;
    const body = this.values();
    const signature = JSON.stringify(body);
    const key = this.key?.signature === signature ? this.key.key : newIdempotencyKey();
    this.key = null;
    try {
      const ticket = await postAction(this.ticketId(), "checklist", body, { key });
      this.dirty = false;
      this.ok.textContent = "Checklist saved";
      this.ok.hidden = false;
      applied(ticket);
    } catch (failure) {
      if (failure instanceof ApiError && failure.ambiguous) {
        this.key = { key, signature };
      }
      this.error.textContent = failure.message;
      this.error.hidden = false;
    } finally {
      this.button.disabled = false;
    }
  }

  /** Shows the ticket's checklist, unless the agent is filling it in. */
  update(ticket) {
    const c = ticket.checklist ?? {};
    const { done: count, total } = done(c);
    this.progress.textContent = `${count} of ${total}`;
    this.form.dataset.done = String(count);
    const diag = ticket.diagnostics ?? {};
    const version = diag.clientVersion || diag.appVersion || diag.version || "";
    this.form.elements.namedItem("clientVersion").placeholder = version ? `diagnostics say ${version}` : "desktop 6.4.1, iOS app 4.2…";
    if (this.dirty) {
      return;
    }
    for (const [name] of TEXTS) {
      this.form.elements.namedItem(name).value = c[name] ?? "";
    }
    this.form.elements.namedItem("reproducibility").value = c.reproducibility || "Unknown";
    for (const [name] of CHECKS) {
      this.form.elements.namedItem(name).checked = c[name] === true;
    }
  }
}
