// Calls to the SyncHub API with the agent's key; problem+json answers become ApiError with their detail.
import { apiKey, refuse } from "./auth.js";

export class ApiError extends Error {
  constructor(status, detail, field) {
    super(detail);
    this.name = "ApiError";
    this.status = status;
    this.field = field ?? null;
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

/** GET or POST JSON; on 401 asks for another key and tries again. */
export async function request(path, { method = "GET", body } = {}) {
  for (;;) {
    const key = await apiKey();
    const headers = { Accept: "application/json", "X-Api-Key": key };
    if (body !== undefined) {
      headers["Content-Type"] = "application/json";
    }
    let response;
    try {
      response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), cache: "no-store" });
    } catch (error) {
      throw new ApiError(0, `The hub did not answer (${error.message}).`);
    }
    if (response.status === 401) {
      await refuse(key);
      continue;
    }
    if (!response.ok) {
      throw await problemOf(response);
    }
    return response.json();
  }
}

export function listTickets(filters, cursor, limit) {
  const query = new URLSearchParams();
  for (const name of ["department", "status", "priority", "channel"]) {
    if (filters[name]) {
      query.set(name, filters[name]);
    }
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

export function getTicket(id) {
  return request(`/api/tickets/${encodeURIComponent(id)}`);
}

export function postAction(id, action, body) {
  return request(`/api/tickets/${encodeURIComponent(id)}/${action}`, { method: "POST", body });
}
