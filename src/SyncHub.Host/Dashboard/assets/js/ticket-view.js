// The ticket view: the whole history, the SLA stamp and why, routing, diagnostics, and the agent's actions.
import { el, replace, safeLink } from "./dom.js";
import { channelBadge } from "./icons.js";
import {
  contactOf, departmentLabel, formatInstant, formatTimeSpan, HISTORY_TYPES, keyLabel, requesterName,
} from "./format.js";
import { postAction } from "./api.js";
import { actionForm, field } from "./forms.js";
import { renderSla } from "./sla-view.js";

const STATUSES = [
  ["Open", "Open"],
  ["Pending", "Pending (pauses the SLA)"],
  ["Solved", "Solved"],
  ["Closed", "Closed"],
];

const HISTORY_DATA_LABELS = {
  from: "From",
  to: "To",
  by: "By",
  team: "Team",
  assignee: "Assignee",
  note: "Note",
  via: "Via",
  eventId: "Event",
  documentation: "Documentation",
  documentationLink: "Documentation link",
  bug: "Bug",
  bugLink: "Bug link",
  feature: "Feature",
  featureRequestLink: "Feature request",
  crmId: "CRM id",
  externalId: "External id",
};

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

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** A history or diagnostics value: http(s) links as links, instants in local time, anything else as text. */
function valueNode(value) {
  const text = String(value);
  if (/^https?:\/\//i.test(text)) {
    return safeLink(text);
  }
  if (ISO_INSTANT.test(text)) {
    return el("time", { datetime: text, title: text, text: formatInstant(text) });
  }
  return text;
}

function historyItem(entry) {
  const data = entry.data ?? {};
  const message = entry.type === "reply" ? data.message : null;
  const rest = Object.entries(data).filter(([key]) => !(entry.type === "reply" && key === "message"));
  return el(
    "li",
    { class: `history-entry h-${String(entry.type).replace(/[^a-z-]/gi, "")}`, dataset: { type: entry.type } },
    el(
      "div",
      { class: "h-head" },
      el("span", { class: "h-type", text: HISTORY_TYPES[entry.type] ?? entry.type }),
      el("time", { datetime: entry.at, title: entry.at, text: formatInstant(entry.at) }),
    ),
    el("p", { class: "h-message", text: entry.message }),
    message ? el("blockquote", { class: "h-quote", text: message }) : null,
    rest.length
      ? el("dl", { class: "h-data" }, rest.map(([key, value]) => [el("dt", { text: keyLabel(key, HISTORY_DATA_LABELS) }), el("dd", {}, valueNode(value))]))
      : null,
  );
}

export class TicketView {
  constructor(panel, { agent, changed }) {
    this.panel = panel;
    this.agent = agent;
    this.changed = changed;
    this.ticket = null;
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
    this.request = el("section", { class: "request", "aria-label": "Request" });
    this.diagnostics = el("section", { class: "diagnostics", "aria-label": "Diagnostics" });
    this.history = el("ol", { class: "history" });
    this.statusButtons = el("div", { class: "status-buttons", role: "group", "aria-label": "Set status" });
    this.statusError = el("p", { class: "form-error", role: "alert", hidden: true });
    this.followUpBox = el("div", { class: "follow-up-box" });

    const reply = actionForm({
      name: "reply",
      title: "Reply",
      hint: "Sent through the ticket's channel (e-mail to the requester, or the store review reply).",
      fields: [field("Message", { name: "message", type: "textarea", required: true, rows: 4 })],
      submit: "Send reply",
      action: (v) => postAction(this.id, "reply", { message: v.message, by: this.agent() }),
      done: (t) => this.applied(t),
    });
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
      action: (v) => postAction(this.id, "escalate", { team: v.team, assignee: v.assignee, note: v.note || undefined, by: this.agent() }),
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
      action: (v) => postAction(this.id, "follow-up", { ...v, by: this.agent() }),
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
        this.request,
        this.diagnostics,
        el("section", { class: "actions-box", "aria-label": "Actions" },
          el("h3", { text: "Actions" }),
          el("div", { class: "action action-status" }, el("h4", { text: "Status" }), this.statusButtons, this.statusError),
          reply.form,
          escalate.form,
          this.followUpBox),
        el("section", { class: "history-box", "aria-label": "History" }, el("h3", { text: "History" }), this.history)),
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
      ["Status", el("span", { class: `status status-${String(ticket.status).toLowerCase()}`, text: ticket.status })],
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

    replace(this.request, el("h3", { text: "Request" }), el("p", { class: "body", text: ticket.body || "(empty)" }));

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

    replace(this.history, (ticket.history ?? []).map(historyItem));
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

  applied(ticket) {
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
