// The ticket view: the conversation as a thread with the reply box, the SLA stamp and why, routing, diagnostics, and
// the agent's other actions.
import { el, replace } from "./dom.js";
import { channelBadge } from "./icons.js";
import { contactOf, departmentLabel, formatInstant, formatTimeSpan, keyLabel, requesterName } from "./format.js";
import { postAction } from "./api.js";
import { Composer } from "./composer.js";
import { actionForm, field } from "./forms.js";
import { renderSla } from "./sla-view.js";
import { threadItems, ticketLink, valueNode } from "./thread.js";

const STATUSES = [
  ["Open", "Open"],
  ["Pending", "Pending (pauses the SLA)"],
  ["Solved", "Solved"],
  ["Closed", "Closed"],
];

function facts(pairs) {
  return el(
    "dl",
    { class: "facts" },
    pairs.filter(([, value]) => value !== null && value !== undefined && value !== "").map(([term, value]) => [
      el("dt", { text: term }),
      el("dd", {}, value),
    ]),
  );
}

/** The earlier ticket's number, from the "linked" history entry. */
function linkedNumber(ticket) {
  const entry = (ticket.history ?? []).find((h) => h.type === "linked" && h.data?.ticketId === ticket.linkedTicketId);
  return entry?.data?.number || null;
}

export class TicketView {
  constructor(panel, { agent, changed }) {
    this.panel = panel;
    this.agent = agent;
    this.changed = changed;
    this.ticket = null;
    this.openFolds = new Set();
    this.reveal = null;
  }

  get id() {
    return this.ticket?.id ?? null;
  }

  /** Builds the view for a ticket (forms included) and shows it. */
  show(ticket) {
    this.ticket = ticket;
    this.title = el("h2", { id: "ticket-title" });
    this.number = el("span", { class: "num" });
    this.summary = el("section", { class: "summary", "aria-label": "Summary" });
    this.slaLive = el("span");
    this.slaFacts = el("div");
    this.diagnostics = el("section", { class: "diagnostics", "aria-label": "Diagnostics" });
    this.thread = el("ol", { class: "thread" });
    if (ticket.id !== this.shownId) {
      this.openFolds = new Set();
      this.shownId = ticket.id;
    }
    this.statusButtons = el("div", { class: "status-buttons", role: "group", "aria-label": "Set status" });
    this.statusError = el("p", { class: "form-error", role: "alert", hidden: true });
    this.followUpBox = el("div", { class: "follow-up-box" });

    this.composer = new Composer({ ticketId: () => this.id, agent: () => this.agent(), done: (t) => this.applied(t) });
    const escalate = actionForm({
      name: "escalate",
      title: "Escalate",
      hint: "Assigns the ticket and notifies the responsible person in the team chat.",
      fields: [
        field("Team", { name: "team", options: [["developers", "Developers"], ["sales", "Sales"], ["mobile", "Mobile"]] }),
        field("Responsible (chat user name)", { name: "assignee", required: true, placeholder: "joao.dev", maxlength: 100 }),
        field("Note", { name: "note", type: "textarea", rows: 2 }),
      ],
      submit: "Escalate",
      action: (v, o) => postAction(this.id, "escalate", { team: v.team, assignee: v.assignee, note: v.note || undefined, by: this.agent() }, o),
      done: (t) => this.applied(t),
    });
    const followUp = actionForm({
      name: "follow-up",
      title: "Follow-up review",
      hint: "Can documentation be improved or created? Is it a known or new bug? A missing feature?",
      fields: [
        el("div", { class: "pair" },
          field("Documentation", { name: "documentation", options: [["None", "No change"], ["Improve", "Improve"], ["Create", "Create"]] }),
          field("Documentation link", { name: "documentationLink", type: "url", placeholder: "https://docs…" })),
        el("div", { class: "pair" },
          field("Bug", { name: "bug", options: [["None", "No bug"], ["Known", "Known bug"], ["New", "New bug"]] }),
          field("Bug link", { name: "bugLink", type: "url", placeholder: "https://github.com/…/issues/…" })),
        el("div", { class: "pair" },
          field("Feature", { name: "feature", options: [["None", "Not a feature"], ["ExistingRequest", "Existing request"], ["NewRequest", "New request"]] }),
          field("Feature request link", { name: "featureRequestLink", type: "url", placeholder: "https://…" })),
        field("Note", { name: "note", type: "textarea", rows: 2 }),
      ],
      submit: "Record follow-up",
      action: (v, o) => postAction(this.id, "follow-up", { ...v, by: this.agent() }, o),
      done: (t) => this.applied(t),
    });
    this.followUpForm = followUp.form;
    this.followUpNote = el("p", { class: "hint", text: "The follow-up review opens once the ticket is Solved or Closed." });
    this.followUpBox.append(this.followUpForm, this.followUpNote);

    replace(
      this.panel,
      el("header", { class: "panel-head" },
        el("div", {}, this.number, this.title),
        el("a", { href: "#/", class: "close", "aria-label": "Close ticket", title: "Close", text: "×" })),
      el("div", { class: "panel-body" },
        this.summary,
        el("section", { class: "sla-box", "aria-label": "SLA" }, el("h3", {}, "SLA ", this.slaLive), this.slaFacts),
        this.diagnostics,
        el("section", { class: "conversation-box", "aria-label": "Conversation" }, el("h3", { text: "Conversation" }), this.thread, this.composer.form),
        el("section", { class: "actions-box", "aria-label": "Actions" },
          el("h3", { text: "Actions" }),
          el("div", { class: "action action-status" }, el("h4", { text: "Status" }), this.statusButtons, this.statusError),
          escalate.form,
          this.followUpBox)),
    );
    this.panel.hidden = false;
    this.update(ticket);
  }

  /** Shows a newer version of the open ticket without touching what the agent is typing. */
  update(ticket) {
    this.ticket = ticket;
    this.panel.dataset.number = String(ticket.number);
    this.panel.dataset.status = ticket.status;
    this.number.textContent = `#${ticket.number}`;
    this.title.textContent = ticket.subject || "(no subject)";

    const requester = ticket.requester ?? {};
    const account = ticket.account;
    replace(this.summary, facts([
      ["Channel", el("span", {}, channelBadge(ticket.channel), el("span", { class: "muted", text: ` via ${ticket.source} · ${ticket.externalId}` }))],
      ["Status", el("span", {},
        el("span", { class: `status status-${String(ticket.status).toLowerCase()}`, text: ticket.status }),
        ticket.customerReplied ? el("span", { class: "replied-badge", text: "Customer replied" }) : null)],
      ["Follows up", ticket.linkedTicketId ? ticketLink(ticket.linkedTicketId, linkedNumber(ticket)) : ""],
      ["Priority", el("span", { class: `priority priority-${String(ticket.priority).toLowerCase()}`, text: ticket.priority })],
      ["Department", departmentLabel(ticket.department)],
      ["Team", ticket.team || "unassigned"],
      ["Assignee", ticket.assignee ? `@${ticket.assignee}` : ""],
      ["Requester", [requesterName(requester), requester.name && contactOf(requester) ? ` <${contactOf(requester)}>` : ""].join("")],
      ["Phone", requester.phone && requester.phone !== contactOf(requester) ? requester.phone : ""],
      ["Handle", requester.handle && requester.handle !== contactOf(requester) ? requester.handle : ""],
      ["Account", account ? `${account.name} (CRM ${account.crmId})` : "no CRM account"],
      ["Plan · status", account ? [account.plan, account.status].filter(Boolean).join(" · ") : ""],
      ["Created", formatInstant(ticket.createdAt)],
      ["Updated", formatInstant(ticket.updatedAt)],
    ]));

    const sla = ticket.sla;
    replace(this.slaFacts, sla
      ? facts([
        ["Policy", sla.policy],
        ["Why", sla.reason],
        ["Clock", sla.clock],
        ["First response", [formatTimeSpan(sla.firstResponseTarget), sla.firstResponseDueAt ? `due ${formatInstant(sla.firstResponseDueAt)}` : ""].filter(Boolean).join(", ")],
        ["First response at risk", formatInstant(sla.firstResponseAtRiskAt)],
        ["Responded", sla.firstRespondedAt ? formatInstant(sla.firstRespondedAt) : ""],
        ["Resolution", [formatTimeSpan(sla.resolutionTarget), sla.resolutionDueAt ? `due ${formatInstant(sla.resolutionDueAt)}` : ""].filter(Boolean).join(", ")],
        ["Resolution at risk", formatInstant(sla.resolutionAtRiskAt)],
        ["Resolved", formatInstant(sla.resolvedAt)],
        ["Paused since", sla.paused ? formatInstant(sla.pausedAt) || "yes" : ""],
        ["Breached", [sla.firstResponseBreached ? "first response" : "", sla.resolutionBreached ? "resolution" : ""].filter(Boolean).join(", ")],
      ])
      : el("p", { class: "hint", text: "Best effort: no SLA applies (no active customer account with a contractual plan)." }));

    const diagnostics = Object.entries(ticket.diagnostics ?? {});
    this.diagnostics.hidden = diagnostics.length === 0;
    replace(this.diagnostics, el("h3", { text: "Diagnostics" }), facts(diagnostics.map(([key, value]) => [keyLabel(key), valueNode(value)])));

    replace(this.statusButtons, STATUSES.map(([status, label]) => el("button", {
      type: "button",
      class: status === ticket.status ? "current" : "",
      "aria-pressed": status === ticket.status ? "true" : "false",
      disabled: status === ticket.status,
      dataset: { status },
      text: label,
      onclick: () => this.setStatus(status),
    })));

    const closed = ticket.status === "Solved" || ticket.status === "Closed";
    this.followUpForm.hidden = !closed;
    this.followUpNote.hidden = closed;

    replace(this.thread, threadItems(ticket, {
      open: this.openFolds,
      reveal: this.reveal,
      onToggle: (key, open) => (open ? this.openFolds.add(key) : this.openFolds.delete(key)),
    }));
    this.reveal = null;
    this.composer.refresh(ticket);
    this.tick(Date.now());
  }

  async setStatus(status) {
    this.statusError.hidden = true;
    try {
      this.applied(await postAction(this.id, "status", { status, by: this.agent() }));
    } catch (failure) {
      this.statusError.textContent = failure.message;
      this.statusError.hidden = false;
    }
  }

  /** The agent's own action answered: show it (opening the fold that holds its history entry) and refresh the list. */
  applied(ticket) {
    this.reveal = (ticket.history ?? []).length - 1;
    this.update(ticket);
    this.changed(ticket);
  }

  tick(now) {
    if (this.ticket) {
      renderSla(this.slaLive, this.ticket, now);
    }
  }

  close() {
    this.ticket = null;
    this.panel.hidden = true;
    this.panel.replaceChildren();
    delete this.panel.dataset.number;
  }
}
