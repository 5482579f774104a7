// The tickets table: one row per ticket, reconciled by id so a refresh keeps rows (and focus) that did not change.
import { el } from "./dom.js";
import { channelBadge } from "./icons.js";
import { contactOf, departmentLabel, formatInstant, requesterName } from "./format.js";
import { renderSla } from "./sla-view.js";

function requesterCell(ticket) {
  const account = ticket.account;
  return el(
    "td",
    { class: "who" },
    el("span", { class: "name", text: requesterName(ticket.requester) }),
    contactOf(ticket.requester) && ticket.requester?.name ? el("span", { class: "muted", text: contactOf(ticket.requester) }) : null,
    account
      ? el("span", { class: "account", text: [account.name, account.plan, account.status].filter(Boolean).join(" · ") })
      : el("span", { class: "account none", text: "no CRM account" }),
  );
}

function row(ticket, now, onOpen) {
  const open = (event) => {
    if (event.target.closest("a")) {
      return;
    }
    onOpen(ticket);
  };
  const slaCell = el("td", { class: "sla-cell" });
  const slaNode = el("span");
  slaCell.append(slaNode);
  renderSla(slaNode, ticket, now);
  return el(
    "tr",
    {
      class: ticket.customerReplied ? "is-customer-replied" : null,
      dataset: { id: ticket.id, number: String(ticket.number), status: ticket.status, channel: ticket.channel, customerReplied: String(Boolean(ticket.customerReplied)) },
      onclick: open,
    },
    el("td", { class: "num" }, el("a", { href: `#/tickets/${ticket.number}`, text: `#${ticket.number}` })),
    el("td", {}, channelBadge(ticket.channel, { compact: true })),
    el(
      "td",
      { class: "subject" },
      el("a", { href: `#/tickets/${ticket.number}`, class: "subject-link", text: ticket.subject || "(no subject)" }),
      el("span", { class: "muted", text: formatInstant(ticket.createdAt), title: ticket.createdAt }),
    ),
    requesterCell(ticket),
    el("td", {}, el("span", { class: `priority priority-${String(ticket.priority).toLowerCase()}`, text: ticket.priority })),
    el("td", { class: "dept col-dept", text: departmentLabel(ticket.department) }),
    el("td", { class: "assignee" }, ticket.team || ticket.assignee
      ? [el("span", { text: ticket.team || "" }), ticket.assignee ? el("span", { class: "muted", text: `@${ticket.assignee}` }) : null]
      : el("span", { class: "muted", text: "unassigned" })),
    el("td", { class: "status-cell" },
      el("span", { class: `status status-${String(ticket.status).toLowerCase()}`, text: ticket.status }),
      ticket.customerReplied ? el("span", { class: "replied-badge", title: "The customer wrote since the last agent reply", text: "Customer replied" }) : null),
    slaCell,
  );
}

export class TicketTable {
  constructor(table, { onOpen }) {
    this.body = table.tBodies[0];
    this.onOpen = onOpen;
    this.rows = new Map(); // id -> { tr, updatedAt, ticket, sla }
    this.selected = null;
    this.initialized = false;
  }

  /** Shows `tickets` in this order; rows of unchanged tickets are kept, new ones are marked for a moment. */
  render(tickets, now) {
    const seen = new Set();
    let previous = null;
    for (const ticket of tickets) {
      seen.add(ticket.id);
      let entry = this.rows.get(ticket.id);
      if (!entry || entry.updatedAt !== ticket.updatedAt || entry.ticket.version !== ticket.version) {
        const tr = row(ticket, now, this.onOpen);
        if (!entry && this.initialized) {
          tr.classList.add("is-new");
        }
        if (entry) {
          entry.tr.replaceWith(tr);
        }
        entry = { tr, updatedAt: ticket.updatedAt, ticket, sla: tr.querySelector(".sla-cell > span") };
        this.rows.set(ticket.id, entry);
      }
      entry.tr.classList.toggle("is-selected", this.selected !== null && String(ticket.number) === this.selected);
      const expected = previous ? previous.nextSibling : this.body.firstChild;
      if (expected !== entry.tr) {
        this.body.insertBefore(entry.tr, expected);
      }
      previous = entry.tr;
    }
    for (const [id, entry] of this.rows) {
      if (!seen.has(id)) {
        entry.tr.remove();
        this.rows.delete(id);
      }
    }
    this.initialized = true;
  }

  /** Forgets all rows (filters or page changed: nothing on screen is "new"). */
  reset() {
    this.rows.clear();
    this.body.replaceChildren();
    this.initialized = false;
  }

  select(number) {
    this.selected = number === null ? null : String(number);
    for (const entry of this.rows.values()) {
      entry.tr.classList.toggle("is-selected", this.selected !== null && String(entry.ticket.number) === this.selected);
    }
  }

  /** Moves every countdown on; called each second. */
  tick(now) {
    for (const entry of this.rows.values()) {
      renderSla(entry.sla, entry.ticket, now);
    }
  }
}
