// How an SLA state looks: the countdown text, its target and the breached / at-risk marks, in the table and the ticket view.
import { el, replace } from "./dom.js";
import { slaState } from "./sla.js";

/** Fills an SLA element (table cell or ticket view) for the ticket at `now`. */
export function renderSla(node, ticket, now) {
  const state = slaState(ticket, now);
  node.className = `sla sla-${state.kind}${state.breached ? " is-breached" : ""}${state.atRisk ? " is-at-risk" : ""}`;
  node.title = state.detail;
  const parts = [el("span", { class: "sla-text", text: state.text })];
  if (state.target && state.kind !== "paused") {
    parts.push(el("span", { class: "sla-target", text: state.target }));
  }
  replace(node, parts);
  return state;
}
