// The tickets page: filters (kept in the URL), paging by the API's cursor, live refresh by polling, the ticket
// view on #/tickets/{number}, and SLA countdowns moving every second.
import { getTicket, listTickets } from "./api.js";
import { changeKey, installKeyDialog } from "./auth.js";
import { formatTime } from "./format.js";
import { isBreached } from "./sla.js";
import { TicketTable } from "./table.js";
import { TicketView } from "./ticket-view.js";

const FILTERS = ["department", "status", "priority", "channel", "breached"];
const AGENT_KEY = "synchub.agent";
const params = new URLSearchParams(location.search);
const POLL_MS = Math.min(Math.max(Number(params.get("poll")) || 4000, 500), 60000);

const form = document.getElementById("filters");
const layout = document.getElementById("layout");
const live = document.getElementById("live");
const listError = document.getElementById("list-error");
const empty = document.getElementById("empty");
const newer = document.getElementById("newer");
const older = document.getElementById("older");
const pageInfo = document.getElementById("page-info");
const agentInput = document.getElementById("agent");

const state = {
  filters: {},
  limit: 50,
  cursors: [null],
  page: 0,
  next: null,
  seq: 0,
  polling: false,
  openRoute: null,
  ticketSeq: 0,
};

const table = new TicketTable(document.getElementById("tickets"), {
  onOpen: (ticket) => {
    location.hash = `#/tickets/${ticket.number}`;
  },
});

const view = new TicketView(document.getElementById("ticket"), {
  agent: () => agentInput.value.trim() || undefined,
  changed: () => refreshList(),
});

function readUrl() {
  const query = new URLSearchParams(location.search);
  for (const name of FILTERS) {
    const control = form.elements.namedItem(name);
    if (control.type === "checkbox") {
      control.checked = query.get(name) === "true";
    } else {
      control.value = query.get(name) ?? "";
      if (control.value !== (query.get(name) ?? "")) {
        control.value = "";
      }
    }
  }
  const limit = Number(query.get("limit"));
  const select = form.elements.namedItem("limit");
  if (Number.isInteger(limit) && limit >= 1 && limit <= 200) {
    if (![...select.options].some((o) => o.value === String(limit))) {
      select.add(new Option(String(limit), String(limit)));
    }
    select.value = String(limit);
  }
}

function readForm() {
  const filters = {};
  for (const name of FILTERS) {
    const control = form.elements.namedItem(name);
    filters[name] = control.type === "checkbox" ? control.checked : control.value;
  }
  state.filters = filters;
  state.limit = Number(form.elements.namedItem("limit").value) || 50;
}

function writeUrl() {
  const query = new URLSearchParams(location.search);
  for (const name of FILTERS) {
    const value = state.filters[name];
    if (value === true) {
      query.set(name, "true");
    } else if (value) {
      query.set(name, value);
    } else {
      query.delete(name);
    }
  }
  if (state.limit !== 50) {
    query.set("limit", String(state.limit));
  } else {
    query.delete("limit");
  }
  const search = query.toString();
  history.replaceState(null, "", `${location.pathname}${search ? `?${search}` : ""}${location.hash}`);
}

function setLive(text, ok) {
  live.textContent = text;
  live.classList.toggle("offline", !ok);
}

function updatePager() {
  newer.disabled = state.page === 0;
  older.disabled = !state.next;
  pageInfo.textContent = `Page ${state.page + 1}`;
}

/** Loads the current page with the current filters; a newer call supersedes an older one. */
async function refreshList({ reset = false } = {}) {
  const seq = ++state.seq;
  try {
    const page = await listTickets(state.filters, state.cursors[state.page], state.limit);
    if (seq !== state.seq) {
      return;
    }
    const now = Date.now();
    // The API filters on `breached` too; this keeps the page right while a hub without that filter ignores it.
    const items = state.filters.breached ? page.items.filter((t) => isBreached(t, now)) : page.items;
    if (reset) {
      table.reset();
    }
    table.render(items, now);
    state.next = page.next ?? null;
    empty.hidden = items.length > 0;
    listError.hidden = true;
    updatePager();
    setLive(`Live · updated ${formatTime(new Date())}`, true);
  } catch (failure) {
    if (seq === state.seq) {
      listError.textContent = failure.message;
      listError.hidden = false;
      setLive("Offline · retrying", false);
    }
  }
}

function routeId() {
  const match = /^#\/tickets\/([^/?#]+)$/.exec(location.hash);
  return match ? decodeURIComponent(match[1]) : null;
}

/** Shows the ticket the URL names (or closes the view); `refresh` re-reads the open one. */
async function refreshTicket({ refresh = false } = {}) {
  const id = routeId();
  if (id === null) {
    state.openRoute = null;
    view.close();
    layout.classList.remove("with-panel");
    table.select(null);
    return;
  }
  const opening = id !== state.openRoute;
  if (!opening && !refresh) {
    return;
  }
  state.openRoute = id;
  const seq = ++state.ticketSeq;
  layout.classList.add("with-panel");
  try {
    const ticket = await getTicket(id);
    if (seq !== state.ticketSeq || routeId() !== id) {
      return;
    }
    table.select(ticket.number);
    if (opening || view.id !== ticket.id) {
      view.show(ticket);
    } else if (ticket.updatedAt !== view.ticket.updatedAt || ticket.version !== view.ticket.version) {
      view.update(ticket);
    }
  } catch (failure) {
    if (seq === state.ticketSeq && opening) {
      const panel = document.getElementById("ticket");
      panel.hidden = false;
      panel.replaceChildren();
      const message = document.createElement("p");
      message.className = "error";
      message.setAttribute("role", "alert");
      message.textContent = failure.message;
      const close = document.createElement("a");
      close.href = "#/";
      close.textContent = "Back to the tickets";
      panel.append(message, close);
    }
  }
}

async function poll() {
  if (!state.polling) {
    state.polling = true;
    try {
      await Promise.all([refreshList(), refreshTicket({ refresh: true })]);
    } finally {
      state.polling = false;
    }
  }
  setTimeout(poll, POLL_MS);
}

function onFiltersChanged() {
  readForm();
  writeUrl();
  state.cursors = [null];
  state.page = 0;
  state.next = null;
  refreshList({ reset: true });
}

function start() {
  installKeyDialog();
  agentInput.value = localStorage.getItem(AGENT_KEY) ?? "";
  agentInput.addEventListener("change", () => localStorage.setItem(AGENT_KEY, agentInput.value.trim()));

  readUrl();
  readForm();
  form.addEventListener("change", onFiltersChanged);
  form.addEventListener("submit", (event) => event.preventDefault());
  form.addEventListener("reset", () => setTimeout(onFiltersChanged));

  older.addEventListener("click", () => {
    if (state.next) {
      state.cursors = state.cursors.slice(0, state.page + 1);
      state.cursors.push(state.next);
      state.page += 1;
      refreshList({ reset: true });
    }
  });
  newer.addEventListener("click", () => {
    if (state.page > 0) {
      state.page -= 1;
      refreshList({ reset: true });
    }
  });
  document.getElementById("change-key").addEventListener("click", async () => {
    await changeKey();
    refreshList({ reset: true });
    refreshTicket({ refresh: true });
  });
  window.addEventListener("hashchange", () => refreshTicket());

  setInterval(() => {
    const now = Date.now();
    table.tick(now);
    view.tick(now);
  }, 1000);

  refreshTicket();
  poll();
}

start();
