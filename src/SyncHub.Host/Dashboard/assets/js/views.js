// The side bar: the views (Mine, Unassigned, Customer replied, At risk, Breached, one per department) with their live
// counts from GET /api/views; a click filters the list (`view=`). At a phone's width it folds into a menu.
import { el, replace } from "./dom.js";
import { departmentLabel } from "./format.js";

/** Shown until the hub answers /api/views (or when it has no such route). */
const DEFAULT_VIEWS = [
  { id: "mine", name: "Mine" },
  { id: "unassigned", name: "Unassigned" },
  { id: "customer-replied", name: "Customer replied" },
  { id: "at-risk", name: "At risk" },
  { id: "breached", name: "Breached" },
];

export class ViewsBar {
  /** onSelect(viewId or ""): the agent picked a view. */
  constructor(nav, toggle, { onSelect }) {
    this.nav = nav;
    this.list = nav.querySelector("#view-list");
    this.toggle = toggle;
    this.onSelect = onSelect;
    this.current = "";
    this.items = DEFAULT_VIEWS;
    this.toggle.addEventListener("click", () => this.setOpen(!this.nav.classList.contains("open")));
    this.render();
  }

  setOpen(open) {
    this.nav.classList.toggle("open", open);
    this.toggle.setAttribute("aria-expanded", String(open));
  }

  /** The views and counts the hub answered. */
  update(items) {
    this.items = items;
    this.render();
  }

  select(viewId) {
    this.current = viewId || "";
    this.render();
    const item = this.items.find((v) => v.id === this.current);
    this.toggle.textContent = `☰ ${item ? this.label(item) : "All tickets"}`;
  }

  label(item) {
    return item.id.startsWith("department:") ? departmentLabel(item.name || item.id.slice("department:".length)) : item.name || item.id;
  }

  link(id, name, count) {
    const query = new URLSearchParams(location.search);
    if (id) {
      query.set("view", id);
    } else {
      query.delete("view");
    }
    const current = id === this.current;
    return el("li", {},
      el("a", {
        href: `?${query}`,
        class: "view-link",
        dataset: { view: id },
        "aria-current": current ? "page" : null,
        onclick: (event) => {
          event.preventDefault();
          this.setOpen(false);
          this.onSelect(id);
        },
      },
      el("span", { class: "view-name", text: name }),
      count === undefined || count === null ? null : el("span", { class: "view-count", "aria-label": `${count} tickets`, text: String(count) })));
  }

  render() {
    const departments = this.items.filter((v) => v.id.startsWith("department:"));
    const others = this.items.filter((v) => !v.id.startsWith("department:"));
    replace(this.list,
      this.link("", "All tickets"),
      others.map((v) => this.link(v.id, this.label(v), v.count)),
      departments.length ? el("li", { class: "view-group", text: "Departments" }) : null,
      departments.map((v) => this.link(v.id, this.label(v), v.count)));
  }
}
