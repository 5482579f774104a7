// The SLA as agents read it: the next due instant (first response until responded, then resolution),
// counted down live, with "at risk", "breached", "paused" and "best effort".
import { formatDuration } from "./format.js";

const CLOSED = new Set(["Solved", "Closed"]);

const time = (iso) => (iso ? new Date(iso).getTime() : null);

/**
 * What the SLA cell shows for a ticket at instant `now` (ms since epoch):
 * { kind: best-effort | paused | countdown | met | resolved, target, dueAt, remainingMs, atRisk, breached, text, detail }.
 */
export function slaState(ticket, now) {
  const sla = ticket?.sla;
  if (!sla) {
    return { kind: "best-effort", breached: false, atRisk: false, text: "Best effort", detail: "No SLA: best effort" };
  }
  const anyBreachFlag = Boolean(sla.firstResponseBreached || sla.resolutionBreached);
  if (CLOSED.has(ticket.status)) {
    return {
      kind: "resolved",
      breached: anyBreachFlag,
      atRisk: false,
      text: anyBreachFlag ? "Resolved · breached" : "Resolved",
      detail: sla.resolvedAt ? `Resolved ${new Date(sla.resolvedAt).toISOString()}` : "Resolved",
    };
  }

  let target;
  let due;
  let atRiskAt;
  if (!sla.firstRespondedAt && sla.firstResponseDueAt) {
    target = "first response";
    due = time(sla.firstResponseDueAt);
    atRiskAt = time(sla.firstResponseAtRiskAt);
  } else if (sla.resolutionDueAt) {
    target = "resolution";
    due = time(sla.resolutionDueAt);
    atRiskAt = time(sla.resolutionAtRiskAt);
  } else {
    const text = sla.firstRespondedAt ? (sla.firstResponseBreached ? "Responded late" : "Responded") : "No due time";
    return { kind: "met", breached: anyBreachFlag, atRisk: false, text, detail: `${sla.policy}: no further due time` };
  }

  if (sla.paused) {
    // The due instant moves on when the clock resumes (by the working time left), so no countdown runs here.
    const pausedAt = time(sla.pausedAt) ?? now;
    return {
      kind: "paused",
      target,
      dueAt: due,
      remainingMs: null,
      breached: anyBreachFlag || due <= pausedAt,
      atRisk: false,
      text: "Paused",
      detail: `SLA clock paused while the ticket is Pending (${target} was due ${new Date(due).toISOString()})`,
    };
  }

  const remaining = due - now;
  const breached = anyBreachFlag || remaining <= 0;
  const atRisk = !breached && atRiskAt !== null && now >= atRiskAt;
  let text;
  if (breached) {
    text = remaining <= 0 ? `Breached · ${formatDuration(remaining)} over` : "Breached";
  } else {
    text = atRisk ? `${formatDuration(remaining)} · at risk` : formatDuration(remaining);
  }
  return {
    kind: "countdown",
    target,
    dueAt: due,
    remainingMs: remaining,
    breached,
    atRisk,
    text,
    detail: `${target} due ${new Date(due).toISOString()}`,
  };
}

/** True when the ticket has breached (or is past) any SLA target; the client-side "breached" filter. */
export function isBreached(ticket, now) {
  return slaState(ticket, now).breached;
}
