// The tickets table: one row per ticket, reconciled by id so a refresh keeps rows (and focus) that did not change; a
// checkbox per row for bulk actions, and a keyboard cursor (j/k) that is a row, not the focus.
import { el } from "./dom.js";
import { channelBadge } from "./icons.js";
import { contactOf, departmentLabel, formatInstant, requesterName } from "./format.js";
import { renderSla } from "./sla-view.js";

function requesterCell(ticket) {
  const account = ticket.account;
  return el(
    "td",
    { class: "who col-who" },
    el("span", { class: "name", text: requesterName(ticket.requester) }),
    contactOf(ticket.requester) && ticket.requester?.name ? el("span", { class: "muted", text: contactOf(ticket.requester) }) : null,
    account
      ? el("span", { class: "account", text: [account.name, account.plan, account.status].filter(Boolean).join(" · ") })
      : el("span", { class: "account none", text: "no CRM account" }),
  );
}

function row(ticket, now, { onOpen, onCheck, checked }) {
  const open = (event) => {
    if (event.target.closest("a") || event.target.closest(".col-check")) {
      return;
    }
    onOpen(ticket);
  };
  const box = el("input", { type: "checkbox", class: "row-check", "aria-label": `Select #${ticket.number}`, checked, onchange: (e) => onCheck(ticket, e.target.checked) });
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
    el("td", { class: "col-check" }, box),
    el("td", { class: "num" }, el("a", { href: `#/tickets/${ticket.number}`, text: `#${ticket.number}` })),
    el("td", { class: "col-channel" }, channelBadge(ticket.channel, { compact: true })),
    el(
      "td",
      { class: "subject" },
      el("a", { href: `#/tickets/${ticket.number}`, class: "subject-link", text: ticket.subject || "(no subject)" }),
      el("span", { class: "muted", text: formatInstant(ticket.createdAt), title: ticket.createdAt }),
    ),
    requesterCell(ticket),
    el("td", { class: "col-priority" }, el("span", { class: `priority priority-${String(ticket.priority).toLowerCase()}`, text: ticket.priority })),
    el("td", { class: "dept col-dept", text: departmentLabel(ticket.department) }),
    el("td", { class: "assignee col-assignee" }, ticket.team || ticket.assignee
      ? [el("span", { text: ticket.team || "" }), ticket.assignee ? el("span", { class: "muted", text: `@${ticket.assignee}` }) : null]
      : el("span", { class: "muted", text: "unassigned" })),
    el("td", { class: "status-cell" },
      el("span", { class: `status status-${String(ticket.status).toLowerCase()}`, text: ticket.status }),
      ticket.customerReplied ? el("span", { class: "replied-badge", title: "The customer wrote since the last agent reply", text: "Customer replied" }) : null),
    el("td", { class: "col-updated muted", title: ticket.updatedAt, text: formatInstant(ticket.updatedAt) }),
    slaCell,
  );
}

export class TicketTable {
  constructor(table, { onOpen, onChecked }) {
    this.body = table.tBodies[0];
    this.onOpen = onOpen;
    this.onChecked = onChecked ?? (() => {});
    this.rows = new Map(); // id -> { tr, updatedAt, ticket, sla }
    this.selected = null;
    this.checked = new Set(); // ids ticked for a bulk action
    this.cursor = null; // id of the keyboard cursor's row
    this.initialized = false;
  }

  rowOptions(ticket) {
    return {
      onOpen: this.onOpen,
      checked: this.checked.has(ticket.id),
      onCheck: (t, on) => {
        this.setChecked(t.id, on);
        this.onChecked(this.checkedTickets());
      },
    };
  }

  setChecked(id, on) {
    if (on) {
      this.checked.add(id);
    } else {
      this.checked.delete(id);
    }
    const entry = this.rows.get(id);
    if (entry) {
      entry.tr.querySelector(".row-check").checked = on;
      entry.tr.classList.toggle("is-checked", on);
    }
  }

  /** Ticks or unticks every row shown. */
  checkAll(on) {
    for (const id of this.rows.keys()) {
      this.setChecked(id, on);
    }
    this.onChecked(this.checkedTickets());
  }

  /** The ticked tickets, in the list's order. */
  checkedTickets() {
    return this.tickets().filter((t) => this.checked.has(t.id));
  }

  /** The tickets shown, in order. */
  tickets() {
    return [...this.body.rows].map((tr) => this.rows.get(tr.dataset.id)?.ticket).filter(Boolean);
  }

  /** The ticket under the keyboard cursor (null when none). */
  cursorTicket() {
    return this.cursor ? this.rows.get(this.cursor)?.ticket ?? null : null;
  }

  /** Moves the keyboard cursor by `delta` rows (starting from the open ticket's row, else from the top). */
  moveCursor(delta) {
    const rows = [...this.body.rows];
    if (rows.length === 0) {
      return null;
    }
    let index = rows.findIndex((tr) => tr.dataset.id === this.cursor);
    if (index < 0) {
      const selected = rows.findIndex((tr) => tr.dataset.number === this.selected);
      index = selected >= 0 ? selected : delta > 0 ? -1 : rows.length;
    }
    index = Math.min(Math.max(index + delta, 0), rows.length - 1);
    this.setCursor(rows[index].dataset.id);
    return this.cursorTicket();
  }

  setCursor(id) {
    this.cursor = id;
    for (const [rowId, entry] of this.rows) {
      const on = rowId === id;
      entry.tr.classList.toggle("is-cursor", on);
      if (on) {
        entry.tr.setAttribute("aria-current", "true");
        entry.tr.scrollIntoView({ block: "nearest" });
      } else {
        entry.tr.removeAttribute("aria-current");
      }
    }
  }

  /** Shows `tickets` in this order; rows of unchanged tickets are kept, new ones are marked for a moment. */
  render(tickets, now) {
    const seen = new Set();
    let previous = null;
    for (const ticket of tickets) {
      seen.add(ticket.id);
      let entry = this.rows.get(ticket.id);
      if (!entry || entry.updatedAt !== ticket.updatedAt || entry.ticket.version !== ticket.version) {
        const tr = row(ticket, now, this.rowOptions(ticket));
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
      entry.tr.classList.toggle("is-checked", this.checked.has(ticket.id));
      entry.tr.classList.toggle("is-cursor", this.cursor === ticket.id);
      if (this.cursor === ticket.id) {
        entry.tr.setAttribute("aria-current", "true");
      }
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
    let dropped = false;
    for (const id of this.checked) {
      if (!seen.has(id)) {
        this.checked.delete(id);
        dropped = true;
      }
    }
    if (this.cursor && !seen.has(this.cursor)) {
      this.cursor = null;
    }
    if (dropped) {
      this.onChecked(this.checkedTickets());
    }
    this.initialized = true;
  }

  /** Forgets all rows (filters or page changed: nothing on screen is "new"). */
  reset() {
    this.rows.clear();
    this.body.replaceChildren();
    this.initialized = false;
    this.cursor = null;
    if (this.checked.size > 0) {
      this.checked.clear();
      this.onChecked([]);
    }
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
