// Bulk actions on the ticked tickets: a status change or an assignment, sent as one request per ticket, each with its
// own Idempotency-Key (and retries); every ticket is tried, and each failure is listed with its ticket and the reason.
import { el, replace } from "./dom.js";
import { postAction } from "./api.js";
import { session } from "./session.js";

export class BulkBar {
  /** tickets(): the ticked tickets; done(): the list should be refreshed. */
  constructor(root, { tickets, done, clear }) {
    this.root = root;
    this.tickets = tickets;
    this.done = done;
    this.count = root.querySelector("#bulk-count");
    this.status = root.querySelector("#bulk-status");
    this.assignee = root.querySelector("#bulk-assignee");
    this.result = root.querySelector("#bulk-result");
    this.buttons = [...root.querySelectorAll("button")];
    root.querySelector("#bulk-status-apply").addEventListener("click", () => {
      if (!this.status.value) {
        this.status.focus();
        return;
      }
      const status = this.status.value;
      this.run(`Status ${status}`, (t) => postAction(t.id, "status", { status }));
    });
    root.querySelector("#bulk-assign-apply").addEventListener("click", () => {
      const assignee = this.assignee.value || null;
      const label = assignee ? this.assignee.selectedOptions[0].textContent : "me";
      this.run(`Assigned to ${label}`, (t) => postAction(t.id, "assign", assignee ? { assignee } : {}));
    });
    root.querySelector("#bulk-clear").addEventListener("click", () => clear());
  }

  /** The agents for the assign picker ("Me" first). */
  setAgents(agents) {
    const chosen = this.assignee.value;
    replace(this.assignee,
      el("option", { value: "", text: "Me" }),
      agents.filter((a) => a.id !== session.me?.id).map((a) => el("option", { value: a.id, text: a.name || a.id })));
    this.assignee.value = [...this.assignee.options].some((o) => o.value === chosen) ? chosen : "";
  }

  /** Shows the bar while tickets are ticked. */
  show(tickets) {
    this.root.hidden = tickets.length === 0 && !this.busy && !this.result.hasChildNodes();
    this.count.textContent = `${tickets.length} selected`;
  }

  async run(what, action) {
    const tickets = this.tickets();
    if (tickets.length === 0 || this.busy) {
      return;
    }
    this.busy = true;
    this.buttons.forEach((b) => (b.disabled = true));
    replace(this.result, el("span", { text: `${what}: ${tickets.length} tickets…` }));
    const failures = [];
    let changed = 0;
    // One request per ticket, a few at a time; a failure does not stop the others.
    const queue = [...tickets];
    const worker = async () => {
      for (let ticket = queue.shift(); ticket; ticket = queue.shift()) {
        try {
          await action(ticket);
          changed += 1;
        } catch (failure) {
          failures.push({ ticket, message: failure.message });
        }
      }
    };
    await Promise.all([worker(), worker(), worker()]);
    this.busy = false;
    this.buttons.forEach((b) => (b.disabled = false));
    failures.sort((a, b) => a.ticket.number - b.ticket.number);
    replace(this.result,
      el("p", { class: failures.length ? "bulk-summary has-failures" : "bulk-summary", text: `${what}: ${changed} done${failures.length ? `, ${failures.length} failed` : ""}.` }),
      failures.length
        ? el("ul", { class: "bulk-failures" }, failures.map((f) => el("li", { dataset: { number: String(f.ticket.number) } },
          el("a", { href: `#/tickets/${f.ticket.number}`, text: `#${f.ticket.number}` }), `: ${f.message}`)))
        : null,
      el("button", { type: "button", class: "quiet", text: "Dismiss", onclick: () => {
        this.result.replaceChildren();
        this.show(this.tickets());
      } }));
    this.root.hidden = false;
    this.done();
  }
}
