// The tickets page: sign-in, the views side bar, search, sort and filters (kept in the URL, so reload and back keep
// them), paging by the API's cursor, bulk actions, keyboard use, live refresh by polling, the ticket view on
// #/tickets/{number}, and SLA countdowns moving every second.
import { getAvailability, getTicket, getViews, listTickets, postAction, setAvailability } from "./api.js";
import { installKeyDialog, signOut } from "./auth.js";
import { BulkBar } from "./bulk.js";
import { CannedManager } from "./canned-admin.js";
import { formatTime } from "./format.js";
import { installKeys } from "./keyboard.js";
import { isAdmin, isAgent, loadSession, onSession, session } from "./session.js";
import { isBreached } from "./sla.js";
import { TicketTable } from "./table.js";
import { TicketView } from "./ticket-view.js";
import { ViewsBar } from "./views.js";

const FILTERS = ["department", "status", "priority", "channel", "breached"];
const SORTS = ["slaDue", "created", "updated", "priority"];
const params = new URLSearchParams(location.search);
const POLL_MS = Math.min(Math.max(Number(params.get("poll")) || 4000, 500), 60000);

const form = document.getElementById("filters");
const searchForm = document.getElementById("search-form");
const searchInput = document.getElementById("search");
const sortSelect = document.getElementById("sort");
const layout = document.getElementById("layout");
const live = document.getElementById("live");
const listError = document.getElementById("list-error");
const empty = document.getElementById("empty");
const newer = document.getElementById("newer");
const older = document.getElementById("older");
const pageInfo = document.getElementById("page-info");
const selectAll = document.getElementById("select-all");
const helpDialog = document.getElementById("help-dialog");

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
    table.setCursor(ticket.id);
    location.hash = `#/tickets/${ticket.number}`;
  },
  onChecked: (tickets) => {
    bulk.show(tickets);
    const shown = table.tickets().length;
    selectAll.checked = shown > 0 && tickets.length === shown;
    selectAll.indeterminate = tickets.length > 0 && tickets.length < shown;
  },
});

const bulk = new BulkBar(document.getElementById("bulk"), {
  tickets: () => table.checkedTickets(),
  done: () => refreshList(),
  clear: () => table.checkAll(false),
});

const viewsBar = new ViewsBar(document.getElementById("views"), document.getElementById("views-toggle"), {
  onSelect: (view) => {
    state.filters.view = view;
    onQueryChanged();
  },
});

const view = new TicketView(document.getElementById("ticket"), {
  changed: () => refreshList(),
  navigate: (number) => {
    location.hash = `#/tickets/${number}`;
  },
});

const canned = new CannedManager(document.getElementById("canned-dialog"));

/** Reads search, sort, view, filters and page size from the URL into the controls and the state. */
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
  } else {
    select.value = "50";
  }
  searchInput.value = query.get("q") ?? "";
  sortSelect.value = SORTS.includes(query.get("sort")) ? query.get("sort") : "slaDue";
  readForm();
  state.filters.view = query.get("view") ?? "";
  viewsBar.select(state.filters.view);
}

function readForm() {
  const filters = { view: state.filters.view ?? "" };
  for (const name of FILTERS) {
    const control = form.elements.namedItem(name);
    filters[name] = control.type === "checkbox" ? control.checked : control.value;
  }
  filters.q = searchInput.value.trim();
  filters.sort = sortSelect.value;
  state.filters = filters;
  state.limit = Number(form.elements.namedItem("limit").value) || 50;
}

/** Writes the state into the URL: a new history entry (so Back returns to the previous view/search/sort). */
function writeUrl() {
  const query = new URLSearchParams(location.search);
  for (const name of [...FILTERS, "q", "view", "sort"]) {
    const value = state.filters[name];
    if (value === true) {
      query.set(name, "true");
    } else if (value && !(name === "sort" && value === "slaDue")) {
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
  const url = `${location.pathname}${search ? `?${search}` : ""}${location.hash}`;
  if (url !== `${location.pathname}${location.search}${location.hash}`) {
    history.pushState(null, "", url);
  }
  state.search = location.search;
}

/** A short message about the agent's own action (a key's assignment...), kept for a few seconds. */
function notify(text, ok) {
  const notice = document.getElementById("notice");
  notice.textContent = text;
  notice.classList.toggle("is-error", !ok);
  notice.hidden = false;
  clearTimeout(state.noticeTimer);
  state.noticeTimer = setTimeout(() => {
    notice.hidden = true;
  }, 8000);
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

function showSort() {
  for (const th of document.querySelectorAll("#tickets th[data-sort]")) {
    const on = th.dataset.sort === state.filters.sort;
    th.setAttribute("aria-sort", on ? (th.dataset.sort === "slaDue" || th.dataset.sort === "priority" ? "ascending" : "descending") : "none");
    th.classList.toggle("sorted", on);
  }
}

async function refreshViews() {
  if (state.noViews) {
    return;
  }
  try {
    const views = await getViews();
    viewsBar.update(views.items ?? []);
  } catch (failure) {
    // A hub without views keeps the names without counts (and is not asked again).
    state.noViews = failure.status === 404;
  }
}

/** Loads the current page with the current search, view and filters; a newer call supersedes an older one. */
async function refreshList({ reset = false } = {}) {
  const seq = ++state.seq;
  refreshViews();
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
    empty.textContent = state.filters.q ? `No tickets match “${state.filters.q}”.` : "No tickets match these filters.";
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

/** Search, sort, view or a filter changed: back to page 1, into the URL. */
function onQueryChanged() {
  readForm();
  writeUrl();
  viewsBar.select(state.filters.view);
  showSort();
  state.cursors = [null];
  state.page = 0;
  state.next = null;
  refreshList({ reset: true });
}

/** Shows who is signed in, the availability switch and the admin's canned-answers manager. */
async function showMe() {
  const box = document.getElementById("me");
  const who = document.getElementById("signed-in");
  const me = session.me;
  box.hidden = false;
  if (!me) {
    who.textContent = "Signed in";
  } else if (isAgent()) {
    who.textContent = `Signed in as ${me.name} (${String(me.role).toLowerCase()})`;
  } else {
    who.textContent = `Signed in as ${me.name} (service key)`;
  }
  document.getElementById("canned-manage").hidden = !isAdmin();
  // The switch appears once it shows the stored state, so it is never flipped from a state that was not read.
  const availabilityBox = document.getElementById("availability-box");
  availabilityBox.hidden = true;
  if (isAgent()) {
    try {
      document.getElementById("availability").checked = Boolean((await getAvailability()).available);
      availabilityBox.hidden = false;
    } catch {
      availabilityBox.hidden = true;
    }
  }
  bulk.setAgents(session.agents);
}

/** The ticket a key acts on: the open one, else the one under the cursor. */
function keyTicket() {
  return view.ticket ?? table.cursorTicket();
}

function installKeyboard() {
  installKeys({
    next: () => table.moveCursor(1),
    previous: () => table.moveCursor(-1),
    open: () => {
      const ticket = table.cursorTicket();
      if (ticket) {
        location.hash = `#/tickets/${ticket.number}`;
      }
    },
    reply: async () => {
      const ticket = table.cursorTicket();
      if (ticket && view.ticket?.id !== ticket.id) {
        location.hash = `#/tickets/${ticket.number}`;
        await view.whenShown(ticket.number);
      }
      view.focusReply();
    },
    assign: async () => {
      const ticket = keyTicket();
      if (!ticket) {
        return;
      }
      if (!isAgent()) {
        view.focusAssign();
        return;
      }
      try {
        const updated = await postAction(ticket.id, "assign", {});
        if (view.ticket?.id === updated.id) {
          view.applied(updated);
        } else {
          refreshList();
        }
        notify(`#${updated.number} assigned to you`, true);
      } catch (failure) {
        notify(`#${ticket.number}: ${failure.message}`, false);
        view.focusAssign();
      }
    },
    toggle: () => {
      const ticket = table.cursorTicket();
      if (ticket) {
        table.setChecked(ticket.id, !table.checked.has(ticket.id));
        table.onChecked(table.checkedTickets());
      }
    },
    search: () => {
      searchInput.focus();
      searchInput.select();
    },
    help: () => helpDialog.showModal(),
    escape: (event) => {
      if (document.querySelector("dialog[open]")) {
        return false;
      }
      const target = event.target;
      if (target instanceof HTMLElement && target.matches("input, textarea, select")) {
        target.blur();
        return true;
      }
      if (routeId() !== null) {
        location.hash = "#/";
        return true;
      }
      return false;
    },
  });
}

function start() {
  installKeyDialog();
  state.search = location.search;
  readUrl();
  showSort();
  form.addEventListener("change", onQueryChanged);
  form.addEventListener("submit", (event) => event.preventDefault());
  form.addEventListener("reset", () => setTimeout(onQueryChanged));

  let searchTimer = null;
  searchForm.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(searchTimer);
    onQueryChanged();
  });
  searchInput.addEventListener("input", () => {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(() => {
      if (searchInput.value.trim() !== state.filters.q) {
        onQueryChanged();
      }
    }, 350);
  });
  searchInput.addEventListener("keydown", (event) => {
    if (event.key === "Enter") {
      event.preventDefault();
      clearTimeout(searchTimer);
      onQueryChanged();
    }
  });
  sortSelect.addEventListener("change", onQueryChanged);
  for (const button of document.querySelectorAll("#tickets .sort-button")) {
    button.addEventListener("click", () => {
      sortSelect.value = button.dataset.sort;
      onQueryChanged();
    });
  }
  selectAll.addEventListener("change", () => table.checkAll(selectAll.checked));

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
  document.getElementById("sign-out").addEventListener("click", async () => {
    document.getElementById("me").hidden = true;
    table.reset();
    await signOut();
    await loadSession();
    refreshList({ reset: true });
    refreshTicket({ refresh: true });
  });
  document.getElementById("keys-help").addEventListener("click", () => helpDialog.showModal());
  document.getElementById("canned-manage").addEventListener("click", () => canned.open());
  document.getElementById("availability").addEventListener("change", async (event) => {
    // Disabled while saving: enabled again means the hub holds what the switch shows.
    const box = event.target;
    box.disabled = true;
    try {
      box.checked = Boolean((await setAvailability(box.checked)).available);
    } catch (failure) {
      box.checked = !box.checked;
      notify(failure.message, false);
    } finally {
      box.disabled = false;
    }
  });
  window.addEventListener("hashchange", () => refreshTicket());
  window.addEventListener("popstate", () => {
    // A hash change (opening a ticket) is a popstate too: only a changed query re-reads the list.
    if (location.search === state.search) {
      return;
    }
    state.search = location.search;
    readUrl();
    showSort();
    state.cursors = [null];
    state.page = 0;
    refreshList({ reset: true });
    refreshTicket();
  });
  onSession(() => showMe());
  installKeyboard();

  setInterval(() => {
    const now = Date.now();
    table.tick(now);
    view.tick(now);
  }, 1000);

  loadSession();
  refreshTicket();
  poll();
}

start();
