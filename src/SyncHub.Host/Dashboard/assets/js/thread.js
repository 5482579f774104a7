// The conversation of a ticket as a thread: the customer's messages (the first one and threaded follow-ups), the agents'
// replies with where their delivery stands, internal notes, reopen and link markers; runs of system events (routing,
// SLA, status, escalations, notifications...) are folded. Every value from the API is set as text.
import { el, safeLink } from "./dom.js";
import { channelBadge } from "./icons.js";
import { contactOf, formatInstant, HISTORY_TYPES, keyLabel, requesterName } from "./format.js";

const HISTORY_DATA_LABELS = {
  from: "From",
  to: "To",
  by: "By",
  team: "Team",
  assignee: "Assignee",
  note: "Note",
  via: "Via",
  eventId: "Event",
  state: "State",
  toolMessageId: "Tool message id",
  reason: "Reason",
  documentation: "Documentation",
  documentationLink: "Documentation link",
  bug: "Bug",
  bugLink: "Bug link",
  feature: "Feature",
  featureRequestLink: "Feature request",
  crmId: "CRM id",
  externalId: "External id",
};

/** Entries shown as messages or markers in the thread; any other type is a system event and folded. */
const CONVERSATION_TYPES = new Set(["created", "threaded", "reply", "internal-note", "reopened", "linked"]);

const DELIVERY_LABELS = { Queued: "Queued", Sent: "Sent", Failed: "Failed" };

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** A history or diagnostics value: http(s) links as links, instants in local time, anything else as text. */
export function valueNode(value) {
  const text = String(value);
  if (/^https?:\/\//i.test(text)) {
    return safeLink(text);
  }
  if (ISO_INSTANT.test(text)) {
    return el("time", { datetime: text, title: text, text: formatInstant(text) });
  }
  return text;
}

function timeNode(iso) {
  return el("time", { datetime: iso, title: iso, text: formatInstant(iso) });
}

/** A link to another ticket of the dashboard (by number when known, else by id). */
export function ticketLink(id, number) {
  const ref = number ? String(number) : String(id ?? "");
  return el("a", { href: `#/tickets/${encodeURIComponent(ref)}`, class: "ticket-link", text: number ? `#${number}` : ref });
}

/** One system event, as the history always showed it: type, time, message, data. */
function systemItem(entry) {
  const data = entry.data ?? {};
  const rest = Object.entries(data);
  return el(
    "li",
    { class: `history-entry h-${String(entry.type).replace(/[^a-z-]/gi, "")}`, dataset: { type: entry.type } },
    el("div", { class: "h-head" }, el("span", { class: "h-type", text: HISTORY_TYPES[entry.type] ?? entry.type }), timeNode(entry.at)),
    el("p", { class: "h-message", text: entry.message }),
    rest.length
      ? el("dl", { class: "h-data" }, rest.map(([key, value]) => [el("dt", { text: keyLabel(key, HISTORY_DATA_LABELS) }), el("dd", {}, valueNode(value))]))
      : null,
  );
}

/** Where a reply's delivery stands: the ticket's `replies`, else the latest "delivery" entry, else queued. */
function deliveryOf(ticket, eventId) {
  if (!eventId) {
    return null;
  }
  const known = ticket.replies?.[eventId];
  if (known) {
    return known;
  }
  const outcome = (ticket.history ?? []).filter((h) => h.type === "delivery" && h.data?.eventId === eventId).at(-1);
  return outcome ? { state: outcome.data.state, toolMessageId: outcome.data.toolMessageId, reason: outcome.data.reason, at: outcome.at } : { state: "Queued" };
}

/** The delivery badge: queued, sent (with the tool's id in small text and on hover), or failed (with the reason). */
export function deliveryBadge(delivery) {
  if (!delivery) {
    return null;
  }
  const state = String(delivery.state ?? "Queued");
  const when = delivery.at ? ` ${formatInstant(delivery.at)}` : "";
  const toolId = state === "Sent" && delivery.toolMessageId ? String(delivery.toolMessageId) : null;
  const reason = state === "Failed" && delivery.reason ? String(delivery.reason) : null;
  return el(
    "span",
    { class: "delivery", dataset: { state } },
    el("span", {
      class: `delivery-badge delivery-${state.toLowerCase().replace(/[^a-z]/g, "")}`,
      text: DELIVERY_LABELS[state] ?? state,
      title: [`${DELIVERY_LABELS[state] ?? state}${when}`, toolId ? `tool message id ${toolId}` : "", reason ?? ""].filter(Boolean).join(" · "),
    }),
    toolId ? el("small", { class: "tool-id", title: toolId, text: `id ${toolId}` }) : null,
    reason ? el("small", { class: "delivery-reason", text: reason }) : null,
  );
}

function message(entry, { kind, who, label, meta, subject, body, badge }) {
  return el(
    "li",
    { class: `msg msg-${kind}`, dataset: { type: entry.type } },
    el(
      "div",
      { class: "msg-head" },
      el("span", { class: "msg-who", text: who }),
      label ? el("span", { class: "msg-label", text: label }) : null,
      timeNode(entry.at),
      badge,
    ),
    meta ? el("p", { class: "msg-meta", text: meta }) : null,
    subject ? el("p", { class: "msg-subject", text: subject }) : null,
    el("blockquote", { class: "msg-body", text: body || "(empty)" }),
  );
}

function conversationItem(ticket, entry) {
  const data = entry.data ?? {};
  switch (entry.type) {
    case "created": {
      const requester = ticket.requester ?? {};
      const contact = contactOf(requester);
      return message(entry, {
        kind: "customer",
        who: requester.name && contact ? `${requester.name} <${contact}>` : requesterName(requester),
        label: "Customer",
        meta: entry.message,
        subject: ticket.subject,
        body: ticket.body,
        badge: channelBadge(ticket.channel),
      });
    }
    case "threaded":
      return message(entry, {
        kind: "customer",
        who: data.from || "Customer",
        label: "Customer",
        meta: entry.message,
        subject: data.subject && data.subject !== ticket.subject ? data.subject : null,
        body: data.body,
        badge: data.channel ? channelBadge(data.channel) : null,
      });
    case "reply":
      if (!data.eventId) {
        // An answer given in the tool before the hub saw the conversation (an app-store answer).
        return message(entry, { kind: "agent", who: data.by || "Store answer", label: "Answer", meta: entry.message, body: data.message });
      }
      return message(entry, {
        kind: "agent",
        who: data.by || "Agent",
        label: "Reply",
        meta: [data.to ? `To ${data.to}` : "", data.via ? `via ${data.via}` : ""].filter(Boolean).join(" · "),
        body: data.message,
        badge: deliveryBadge(deliveryOf(ticket, data.eventId)),
      });
    case "internal-note":
      return message(entry, { kind: "note", who: data.by || "Agent", label: "Internal note · not sent to the customer", body: data.text });
    case "reopened":
      return el("li", { class: "marker marker-reopened", dataset: { type: entry.type } },
        el("span", { class: "h-type", text: "Reopened" }), timeNode(entry.at), el("span", { class: "marker-text", text: entry.message }));
    case "linked":
      return el("li", { class: "marker marker-linked", dataset: { type: entry.type } },
        el("span", { class: "h-type", text: "Follows up" }), ticketLink(data.ticketId, data.number), timeNode(entry.at),
        el("span", { class: "marker-text", text: entry.message }));
    default:
      return systemItem(entry);
  }
}

function fold(entries, key, open, onToggle) {
  const labels = [...new Set(entries.map((e) => HISTORY_TYPES[e.type] ?? e.type))];
  const details = el(
    "details",
    { open: open.has(key) },
    el("summary", { text: `${entries.length} ${entries.length === 1 ? "event" : "events"} · ${labels.join(", ")}` }),
    el("ol", { class: "history" }, entries.map(systemItem)),
  );
  details.addEventListener("toggle", () => onToggle(key, details.open));
  return el("li", { class: "fold", dataset: { fold: key } }, details);
}

/**
 * The thread's items. A run of system events is one fold, keyed by the index of its first entry (history only grows, so
 * the key holds across refreshes); `open` holds the keys of the open folds, and the fold holding entry `reveal` (the
 * agent's own action) opens.
 */
export function threadItems(ticket, { open, reveal = null, onToggle }) {
  const history = ticket.history ?? [];
  const items = [];
  let run = [];
  let runStart = 0;
  const flush = () => {
    if (run.length) {
      const key = String(runStart);
      if (reveal !== null && reveal >= runStart && reveal < runStart + run.length) {
        open.add(key);
      }
      items.push(fold(run, key, open, onToggle));
      run = [];
    }
  };
  history.forEach((entry, index) => {
    if (CONVERSATION_TYPES.has(entry.type)) {
      flush();
      items.push(conversationItem(ticket, entry));
    } else {
      if (!run.length) {
        runStart = index;
      }
      run.push(entry);
    }
  });
  flush();
  return items;
}
