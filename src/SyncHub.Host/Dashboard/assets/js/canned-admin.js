// Admins: the canned answers manager (list, add, edit, delete) in a dialog.
import { el, replace } from "./dom.js";
import { deleteCannedAnswer, saveCannedAnswer } from "./api.js";
import { reloadCanned, session } from "./session.js";

export class CannedManager {
  constructor(dialog) {
    this.dialog = dialog;
    this.list = dialog.querySelector("#canned-list");
    this.form = dialog.querySelector("#canned-form");
    this.error = dialog.querySelector("#canned-error");
    this.save = dialog.querySelector("#canned-save");
    this.form.addEventListener("submit", (event) => {
      event.preventDefault();
      this.submit();
    });
    dialog.querySelector("#canned-new").addEventListener("click", () => this.edit(null));
    dialog.querySelector("#canned-close").addEventListener("click", () => dialog.close());
  }

  async open() {
    await reloadCanned();
    this.render();
    this.edit(null);
    this.dialog.showModal();
  }

  render() {
    replace(this.list, session.canned.length === 0
      ? el("li", { class: "hint", text: "No canned answers yet." })
      : session.canned.map((item) => el("li", { dataset: { id: item.id } },
        el("span", { class: "canned-item-title", text: item.title }),
        el("button", { type: "button", class: "quiet", text: "Edit", "aria-label": `Edit ${item.title}`, onclick: () => this.edit(item) }),
        el("button", { type: "button", class: "quiet danger", text: "Delete", "aria-label": `Delete ${item.title}`, onclick: () => this.remove(item) }))));
  }

  edit(item) {
    this.form.elements.namedItem("id").value = item?.id ?? "";
    this.form.elements.namedItem("title").value = item?.title ?? "";
    this.form.elements.namedItem("body").value = item?.body ?? "";
    this.save.textContent = item ? "Save changes" : "Add canned answer";
    this.error.hidden = true;
    this.form.elements.namedItem("title").focus();
  }

  async submit() {
    const values = Object.fromEntries(new FormData(this.form).entries());
    this.error.hidden = true;
    this.save.disabled = true;
    try {
      await saveCannedAnswer(values.id || null, values.title.trim(), values.body);
      await reloadCanned();
      this.render();
      this.edit(null);
    } catch (failure) {
      this.error.textContent = failure.message;
      this.error.hidden = false;
    } finally {
      this.save.disabled = false;
    }
  }

  async remove(item) {
    this.error.hidden = true;
    try {
      await deleteCannedAnswer(item.id);
      await reloadCanned();
      this.render();
    } catch (failure) {
      this.error.textContent = failure.message;
      this.error.hidden = false;
    }
  }
}
