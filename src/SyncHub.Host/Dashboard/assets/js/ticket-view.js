// The ticket view: the conversation as a thread with the reply box (and canned answers), the SLA stamp and why (with
// the history line of the last re-stamp), routing, the diagnostics beside the investigation checklist, assignment,
// priority / department / account corrections, merge, and the agent's other actions.
import { el, replace } from "./dom.js";
import { channelBadge } from "./icons.js";
import { contactOf, departmentLabel, formatInstant, formatTimeSpan, keyLabel, requesterName } from "./format.js";
import { postAction } from "./api.js";
import { Checklist } from "./checklist.js";
import { Composer } from "./composer.js";
import { actionForm, field } from "./forms.js";
import { renderSla } from "./sla-view.js";
import { threadItems, ticketLink, valueNode } from "./thread.js";
import { agentsServing, isAgent, onSession, session } from "./session.js";

/** History entries that re-stamp the SLA or explain why (the newest is shown in the SLA box). */
const RESTAMP_TYPES = new Set(["sla", "edited"]);

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

/** The newest history entry that re-stamped the SLA after the ticket was created (null when none did). */
function lastRestamp(ticket) {
  const history = ticket.history ?? [];
  const firstStamp = history.findIndex((h) => h.type === "sla");
  for (let i = history.length - 1; i > firstStamp; i--) {
    if (RESTAMP_TYPES.has(history[i].type)) {
      return history[i];
    }
  }
  return null;
}

/** An assignee as agents know them: the configured agent's name and id, else the chat handle. */
function assigneeLabel(assignee) {
  if (!assignee) {
    return "unassigned";
  }
  const agent = session.agents.find((a) => a.id === assignee);
  return agent ? `${agent.name} (@${agent.id})` : `@${assignee}`;
}

export class TicketView {
  constructor(panel, { changed, navigate }) {
    this.panel = panel;
    this.changed = changed;
    this.navigate = navigate;
    this.shownWaiters = [];
    onSession(() => {
      if (this.ticket) {
        this.fillAgents(this.ticket);
        this.composer.fillCanned();
      }
    });
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

    this.composer = new Composer({ ticketId: () => this.id, done: (t) => this.applied(t) });
    this.checklist = new Checklist({ ticketId: () => this.id, applied: (t) => this.applied(t) });
    this.buildWork();
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
      action: (v, o) => postAction(this.id, "escalate", { team: v.team, assignee: v.assignee, note: v.note || undefined }, o),
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
      action: (v, o) => postAction(this.id, "follow-up", v, o),
      done: (t) => {
        this.followUpAsk.hidden = true;
        this.applied(t);
      },
    });
    this.followUpForm = followUp.form;
    this.followUpAsk = el("p", { class: "follow-up-ask", role: "alert", hidden: true,
      text: "Solved. Before moving on: can documentation be improved or created, is it a known or new bug, a missing feature? Record the follow-up review below." });
    this.followUpNote = el("p", { class: "hint", text: "The follow-up review opens once the ticket is Solved or Closed." });
    this.followUpBox.append(this.followUpAsk, this.followUpForm, this.followUpNote);

    replace(
      this.panel,
      el("header", { class: "panel-head" },
        el("div", {}, this.number, this.title),
        el("a", { href: "#/", class: "close", "aria-label": "Close ticket", title: "Close", text: "×" })),
      el("div", { class: "panel-body" },
        this.summary,
        this.work,
        el("section", { class: "sla-box", "aria-label": "SLA" }, el("h3", {}, "SLA ", this.slaLive), this.slaRestamp, this.slaFacts),
        el("div", { class: "investigation" },
          this.diagnostics,
          el("section", { class: "checklist-box", "aria-label": "Investigation checklist" }, this.checklist.form)),
        el("section", { class: "conversation-box", "aria-label": "Conversation" }, el("h3", { text: "Conversation" }), this.thread, this.composer.form),
        el("section", { class: "actions-box", "aria-label": "Actions" },
          el("h3", { text: "Actions" }),
          el("div", { class: "action action-status" }, el("h4", { text: "Status" }), this.statusButtons, this.statusError),
          this.edits,
          escalate.form,
          this.followUpBox)),
    );
    this.panel.hidden = false;
    this.update(ticket);
  }

  /** The assignment box (under the summary) and the corrections (priority, department, account, merge). */
  buildWork() {
    this.slaRestamp = el("p", { class: "sla-restamp", hidden: true });
    this.assigneeText = el("strong", { class: "assignee-name" });
    this.assignMe = el("button", { type: "button", class: "primary", text: "Assign to me", "aria-keyshortcuts": "a", onclick: () => this.act("assign", {}, this.workError) });
    this.assignPicker = el("select", { id: "assign-picker", name: "assignee", "aria-label": "Assign to agent" });
    this.assignButton = el("button", { type: "button", text: "Assign", onclick: () => {
      if (this.assignPicker.value) {
        this.act("assign", { assignee: this.assignPicker.value }, this.workError);
      } else {
        this.assignPicker.focus();
      }
    } });
    this.unassign = el("button", { type: "button", class: "quiet", text: "Unassign", onclick: () => this.act("unassign", {}, this.workError) });
    this.workError = el("p", { class: "form-error", role: "alert", hidden: true });
    this.work = el("section", { class: "work-box", "aria-label": "Assignment" },
      el("div", { class: "work-line" }, el("span", { class: "muted", text: "Assignee " }), this.assigneeText),
      el("div", { class: "work-line" }, this.assignMe, this.assignPicker, this.assignButton, this.unassign),
      this.workError);

    const select = (name, label, options) => {
      const control = el("select", { id: `edit-${name}`, name }, options.map(([v, text]) => el("option", { value: v, text })));
      return [control, el("label", { for: control.id, text: label })];
    };
    const [priority, priorityLabel] = select("priority", "Priority", [["High", "High"], ["Medium", "Medium"], ["Low", "Low"]]);
    const [department, departmentLabelNode] = select("department", "Department", [["PaidSupport", "Paid Support"], ["Community", "Community"], ["Trials", "Trials"]]);
    this.prioritySelect = priority;
    this.departmentSelect = department;
    this.mergeInput = el("input", { id: "merge-into", name: "into", inputmode: "numeric", placeholder: "ticket number", maxlength: 40 });
    this.editError = el("p", { class: "form-error", role: "alert", hidden: true });
    this.edits = el("div", { class: "action action-edits", role: "group", "aria-label": "Corrections" },
      el("h4", { text: "Corrections" }),
      el("p", { class: "hint", text: "A new priority, department or account re-stamps the SLA; the SLA box shows why." }),
      el("div", { class: "edit-line" }, priorityLabel, priority,
        el("button", { type: "button", text: "Change priority", onclick: () => this.act("priority", { priority: priority.value }, this.editError) })),
      el("div", { class: "edit-line" }, departmentLabelNode, department,
        el("button", { type: "button", text: "Change department", onclick: () => this.act("department", { department: department.value }, this.editError) })),
      el("div", { class: "edit-line" },
        el("button", { type: "button", text: "Refresh account", title: "Read the CRM directory for the requester again and re-stamp the SLA", onclick: () => this.act("refresh-account", {}, this.editError) })),
      el("div", { class: "edit-line" }, el("label", { for: this.mergeInput.id, text: "Merge into #" }), this.mergeInput,
        el("button", { type: "button", text: "Merge", onclick: () => this.merge() })),
      this.editError);
  }

  /** The agent picker: the agents serving the ticket's department. */
  fillAgents(ticket) {
    const chosen = this.assignPicker.value;
    const agents = agentsServing(ticket.department);
    replace(this.assignPicker,
      el("option", { value: "", text: agents.length ? "Agent…" : "No agents" }),
      agents.map((a) => el("option", { value: a.id, text: a.name || a.id })));
    this.assignPicker.value = agents.some((a) => a.id === chosen) ? chosen : "";
    this.assignMe.hidden = !isAgent();
  }

  /** One action from the view's buttons: a fresh Idempotency-Key, the answer shown, a failure shown in `error`. */
  async act(action, body, error) {
    error.hidden = true;
    try {
      const ticket = await postAction(this.id, action, body);
      this.applied(ticket);
      return ticket;
    } catch (failure) {
      error.textContent = failure.message;
      error.hidden = false;
      return null;
    }
  }

  async merge() {
    const into = this.mergeInput.value.trim().replace(/^#/, "");
    if (!into) {
      this.mergeInput.focus();
      return;
    }
    this.editError.hidden = true;
    try {
      const survivor = await postAction(this.id, "merge", { into });
      this.mergeInput.value = "";
      this.changed(survivor);
      this.navigate(survivor.number);
    } catch (failure) {
      this.editError.textContent = failure.message;
      this.editError.hidden = false;
    }
  }

  /** The r key: the reply box gets the focus. */
  focusReply() {
    this.composer?.focus();
  }

  /** The a key without an agent to assign to: the picker gets the focus. */
  focusAssign() {
    this.assignPicker?.focus();
  }

  /** Resolves once the ticket numbered `number` is shown (at most 5 s). */
  whenShown(number) {
    if (this.ticket && this.ticket.number === number) {
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const waiter = { number, resolve };
      this.shownWaiters.push(waiter);
      setTimeout(resolve, 5000);
    });
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
      ["Assignee", assigneeLabel(ticket.assignee)],
      ["Requester", [requesterName(requester), requester.name && contactOf(requester) ? ` <${contactOf(requester)}>` : ""].join("")],
      ["Phone", requester.phone && requester.phone !== contactOf(requester) ? requester.phone : ""],
      ["Handle", requester.handle && requester.handle !== contactOf(requester) ? requester.handle : ""],
      ["Account", account ? `${account.name} (CRM ${account.crmId})` : "no CRM account"],
      ["Plan · status", account ? [account.plan, account.status].filter(Boolean).join(" · ") : ""],
      ["Created", formatInstant(ticket.createdAt)],
      ["Updated", formatInstant(ticket.updatedAt)],
    ]));

    this.assigneeText.textContent = assigneeLabel(ticket.assignee);
    this.unassign.disabled = !ticket.assignee;
    this.fillAgents(ticket);
    if (document.activeElement !== this.prioritySelect) {
      this.prioritySelect.value = ticket.priority;
    }
    if (document.activeElement !== this.departmentSelect) {
      this.departmentSelect.value = ticket.department;
    }
    const restamp = lastRestamp(ticket);
    this.slaRestamp.hidden = !restamp;
    if (restamp) {
      replace(this.slaRestamp,
        el("span", { class: "restamp-label", text: "Re-stamped: " }),
        el("span", { class: "restamp-message", text: restamp.message }),
        el("span", { class: "muted", text: [restamp.data?.by ? ` · ${restamp.data.by}` : "", ` · ${formatInstant(restamp.at)}`].join("") }));
    }
    this.checklist.update(ticket);

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
    const waiting = this.shownWaiters.filter((w) => w.number === ticket.number);
    this.shownWaiters = this.shownWaiters.filter((w) => w.number !== ticket.number);
    waiting.forEach((w) => w.resolve());
  }

  async setStatus(status) {
    this.statusError.hidden = true;
    try {
      this.applied(await postAction(this.id, "status", { status }));
      if (status === "Solved") {
        // The support process: a solved ticket gets its follow-up review (documentation, bug, feature).
        this.followUpAsk.hidden = false;
        this.followUpBox.scrollIntoView({ block: "nearest" });
        this.followUpForm.querySelector("select")?.focus();
      }
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
