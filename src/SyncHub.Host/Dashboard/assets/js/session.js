// Who is signed in (GET /api/agents/me), the configured agents (for the assign pickers) and the canned answers,
// read once per sign-in and shared by the page's parts.
import { getMe, listAgents, listCannedAnswers } from "./api.js";

const listeners = new Set();

export const session = {
  /** { id, name, role, departments, kind } or null before sign-in (or on a hub without /api/agents/me). */
  me: null,
  /** [{ id, name, role, departments }] */
  agents: [],
  /** [{ id, title, body }] */
  canned: [],
};

/** Calls `listener(session)` after each (re)load. */
export function onSession(listener) {
  listeners.add(listener);
}

function notify() {
  for (const listener of listeners) {
    listener(session);
  }
}

/** Reads who is signed in, the agents and the canned answers; a route the hub lacks leaves its part empty. */
export async function loadSession() {
  const [me, agents, canned] = await Promise.allSettled([getMe(), listAgents(), listCannedAnswers()]);
  session.me = me.status === "fulfilled" ? me.value : null;
  session.agents = agents.status === "fulfilled" ? agents.value.items ?? [] : [];
  session.canned = canned.status === "fulfilled" ? canned.value.items ?? [] : [];
  notify();
  return session;
}

export async function reloadCanned() {
  try {
    session.canned = (await listCannedAnswers()).items ?? [];
  } catch {
    // keep the last list
  }
  notify();
}

export function isAgent() {
  return session.me?.kind === "Agent" || (session.me && session.me.kind === undefined && Boolean(session.me.role));
}

export function isAdmin() {
  return isAgent() && String(session.me.role).toLowerCase() === "admin";
}

/** The agents who work tickets of `department` (an agent without departments serves all). */
export function agentsServing(department) {
  return session.agents.filter((a) => !a.departments?.length || a.departments.includes(department));
}
