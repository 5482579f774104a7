// Calls to the SyncHub API with the agent's key; problem+json answers become ApiError with their detail. Every action
// (a POST under /api/tickets) goes through `send`: one Idempotency-Key per user action, reused by each retry of it.
import { apiKey, refuse } from "./auth.js";

/** Automatic tries of one action: the first and up to three retries. */
const MAX_TRIES = 4;
/** The longest wait between tries, whatever Retry-After asks. */
const MAX_WAIT_MS = 30_000;

export class ApiError extends Error {
  constructor(status, detail, field) {
    super(detail);
    this.name = "ApiError";
    this.status = status;
    this.field = field ?? null;
  }

  /** No answer, or a 5xx: the action may or may not have happened, so a retry must reuse its Idempotency-Key. */
  get ambiguous() {
    return this.status === 0 || this.status >= 500;
  }
}

async function problemOf(response) {
  let detail = `${response.status} ${response.statusText}`.trim();
  let field = null;
  try {
    const body = await response.json();
    detail = body.detail || body.title || detail;
    field = body.field ?? null;
  } catch {
    // not JSON: keep the status line
  }
  return new ApiError(response.status, detail, field);
}

/** One call with the agent's key; on 401 asks for another key and calls again. Resolves to the Response. */
async function call(path, { method = "GET", body, headers = {} } = {}) {
  for (;;) {
    const key = await apiKey();
    const all = { Accept: "application/json", "X-Api-Key": key, ...headers };
    if (body !== undefined) {
      all["Content-Type"] = "application/json";
    }
    let response;
    try {
      response = await fetch(path, { method, headers: all, body: body === undefined ? undefined : JSON.stringify(body), cache: "no-store" });
    } catch (error) {
      throw new ApiError(0, `The hub did not answer (${error.message}).`);
    }
    if (response.status === 401) {
      await refuse(key);
      continue;
    }
    return response;
  }
}

/** GET (or any call) answering JSON; a problem answer throws ApiError. */
export async function request(path, options = {}) {
  const response = await call(path, options);
  if (!response.ok) {
    throw await problemOf(response);
  }
  return response.json();
}

/** A fresh Idempotency-Key (a UUID): randomUUID where the page is a secure context, else from getRandomValues. */
export function newIdempotencyKey() {
  if (typeof crypto.randomUUID === "function") {
    return crypto.randomUUID();
  }
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Retry-After in milliseconds (seconds or an HTTP date); null when absent or unreadable. */
function retryAfterMs(response, now = Date.now()) {
  const value = response.headers.get("Retry-After");
  if (!value) {
    return null;
  }
  if (/^\d+$/.test(value.trim())) {
    return Number(value.trim()) * 1000;
  }
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * POSTs one user action. Sends `key` (a fresh one when absent) as Idempotency-Key and retries the same request with the
 * same key after no answer, a 503 or a 429, waiting what Retry-After says (else 1, 2, 4 s); the hub then applies the
 * action once. `onRetry(waitMs, attempt)` tells the page a retry is coming. The ApiError of a final failure carries the key.
 */
export async function send(path, body, { key = newIdempotencyKey(), onRetry } = {}) {
  for (let attempt = 1; ; attempt++) {
    let failure;
    let wait = null;
    try {
      const response = await call(path, { method: "POST", body, headers: { "Idempotency-Key": key } });
      if (response.ok) {
        return await response.json();
      }
      failure = await problemOf(response);
      if (response.status === 503 || response.status === 429) {
        wait = retryAfterMs(response);
      } else {
        failure.key = key;
        throw failure;
      }
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 0) {
        throw error;
      }
      failure = error;
    }
    if (attempt >= MAX_TRIES) {
      failure.key = key;
      throw failure;
    }
    const delay = Math.min(wait ?? 1000 * 2 ** (attempt - 1), MAX_WAIT_MS);
    onRetry?.(delay, attempt);
    await sleep(delay);
  }
}

/** One page of tickets: filters, search (`q`), order (`sort`) and view, as the URL of the page keeps them. */
export function listTickets(filters, cursor, limit) {
  const query = new URLSearchParams();
  for (const name of ["q", "view", "department", "status", "priority", "channel"]) {
    if (filters[name]) {
      query.set(name, filters[name]);
    }
  }
  if (filters.sort && filters.sort !== "slaDue") {
    query.set("sort", filters.sort);
  }
  if (filters.breached) {
    query.set("breached", "true");
  }
  query.set("limit", String(limit));
  if (cursor) {
    query.set("cursor", cursor);
  }
  return request(`/api/tickets?${query}`);
}

/** Who the key belongs to: { id, name, email, role, departments, kind: "Agent" | "Service" }. */
export function getMe() {
  return request("/api/agents/me");
}

/** The configured agents ({ items: [{ id, name, role, departments }] }). */
export function listAgents() {
  return request("/api/agents");
}

/** The views with their live counts ({ items: [{ id, name, count }] }). */
export function getViews() {
  return request("/api/views");
}

export function getAvailability() {
  return request("/api/agents/me/availability");
}

export function setAvailability(available) {
  return send("/api/agents/me/availability", { available });
}

export function listCannedAnswers() {
  return request("/api/canned-answers");
}

/** Admin: adds (no id) or changes a canned answer. */
export function saveCannedAnswer(id, title, body) {
  return request(id ? `/api/canned-answers/${encodeURIComponent(id)}` : "/api/canned-answers", { method: id ? "PUT" : "POST", body: { title, body } });
}

/** Admin: deletes a canned answer (204). */
export async function deleteCannedAnswer(id) {
  const response = await call(`/api/canned-answers/${encodeURIComponent(id)}`, { method: "DELETE" });
  if (!response.ok) {
    throw await problemOf(response);
  }
}

/** A canned answer's text with the ticket's placeholders filled ({ text }). */
export function cannedTextFor(ticketId, cannedId) {
  return request(`/api/tickets/${encodeURIComponent(ticketId)}/canned-answers/${encodeURIComponent(cannedId)}`);
}

export function getTicket(id) {
  return request(`/api/tickets/${encodeURIComponent(id)}`);
}

/** Where a reply to the ticket goes now ({channel, canReply, via, destination, reason}). */
export function getReplyTarget(id) {
  return request(`/api/tickets/${encodeURIComponent(id)}/reply-target`);
}

/** An agent action on a ticket (status, reply, note, escalate, follow-up, assign, priority, merge...); resolves to the updated ticket. */
export function postAction(id, action, body, options = {}) {
  return send(`/api/tickets/${encodeURIComponent(id)}/${action}`, body, options);
}
