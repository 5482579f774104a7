// The reply box: one form that either answers the customer or adds an internal note (a toggle), says where a reply
// goes (channel and address) or why it cannot go, and asks for an explicit choice before replacing an app-store answer.
import { el, replace } from "./dom.js";
import { cannedTextFor, getReplyTarget, postAction } from "./api.js";
import { actionForm, field } from "./forms.js";
import { session } from "./session.js";

/** The hub's refusal of a reply to a review that already shows an answer: it wants replace: true. */
const NEEDS_REPLACE = /replace: ?true/i;

const MODES = {
  reply: { submit: "Send reply", placeholder: "Write to the customer…", done: "Reply queued" },
  note: { submit: "Add note", placeholder: "Only agents see this note; it is never sent…", done: "Note added" },
};

export class Composer {
  /** ticketId(): the open ticket's id; done(ticket): the action applied. */
  constructor({ ticketId, done }) {
    this.ticketId = ticketId;
    this.targetVersion = null;
    this.targetSeq = 0;
    this.needsReplace = false;
    this.mode = "reply";
    this.replaceOffered = false;

    this.target = el("p", { class: "reply-target", role: "status", "aria-live": "polite", text: "Where the reply goes…" });
    this.noteHint = el("p", { class: "note-hint", hidden: true, text: "Internal note: shown to agents on this ticket, never sent to the customer." });
    this.replaceBox = el("input", { type: "checkbox", name: "replace", value: "true" });
    this.replaceChoice = el("label", { class: "replace-choice", hidden: true }, this.replaceBox, " Replace the store answer");
    const message = field("Message", { name: "message", type: "textarea", required: true, rows: 4 });
    this.text = message.querySelector("textarea");
    // Ctrl+Enter (or Cmd+Enter) sends what is typed.
    this.text.addEventListener("keydown", (event) => {
      if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        this.form.requestSubmit();
      }
    });
    this.canned = el("select", { id: `canned-${Math.random().toString(36).slice(2)}`, class: "canned-select", name: "canned" });
    this.cannedStatus = el("span", { class: "muted canned-status", role: "status" });
    this.cannedBox = el("div", { class: "canned-pick" },
      el("label", { for: this.canned.id, text: "Canned answer" }), this.canned, this.cannedStatus);
    // A pick with the mouse fills the reply at once; with the keyboard the arrows only move (each step is a change
    // in a closed select) and Enter fills it.
    this.cannedByKeys = false;
    this.canned.addEventListener("keydown", (event) => {
      if (event.key === "Enter") {
        event.preventDefault();
        this.cannedByKeys = false;
        this.useCanned(this.canned.value);
      } else if (event.key.length === 1 || /^(Arrow|Page|Home|End)/.test(event.key)) {
        this.cannedByKeys = true;
      }
    });
    this.canned.addEventListener("change", () => {
      if (this.cannedByKeys) {
        this.cannedByKeys = false;
        this.cannedStatus.textContent = this.canned.value ? "Enter inserts it" : "";
        return;
      }
      this.useCanned(this.canned.value);
    });
    this.fillCanned();

    const toggle = el(
      "div",
      { class: "mode-toggle", role: "radiogroup", "aria-label": "Reply or internal note" },
      [["reply", "Reply"], ["note", "Internal note"]].map(([value, label]) => el(
        "label",
        { class: `mode mode-${value}` },
        el("input", { type: "radio", name: "mode", value, checked: value === "reply", onchange: () => this.setMode(value) }),
        ` ${label}`,
      )),
    );

    const { form, ok, button } = actionForm({
      name: "reply",
      title: "Reply",
      head: toggle,
      fields: [this.target, this.noteHint, this.cannedBox, message, this.replaceChoice],
      submit: MODES.reply.submit,
      keepValues: true,
      action: (v, options) => this.mode === "note"
        ? postAction(this.ticketId(), "note", { text: v.message }, options)
        : postAction(this.ticketId(), "reply", { message: v.message, replace: v.replace === "true" }, options),
      done: (ticket) => {
        ok.textContent = MODES[this.mode].done;
        this.text.value = "";
        this.replaceBox.checked = false;
        this.offerReplace(false);
        done(ticket);
      },
      failed: (failure) => {
        if (this.mode === "reply" && failure.status === 409 && NEEDS_REPLACE.test(failure.message)) {
          this.offerReplace(true);
          this.replaceBox.focus();
        }
      },
    });
    this.form = form;
    this.button = button;
    this.setMode("reply");
  }

  /** The canned answers of the hub as the picker's options (the picker hides while there are none). */
  fillCanned() {
    replace(this.canned,
      el("option", { value: "", text: session.canned.length ? "Insert a canned answer…" : "No canned answers" }),
      session.canned.map((c) => el("option", { value: c.id, text: c.title })));
    this.canned.disabled = session.canned.length === 0;
  }

  /** Fills the reply text with the canned answer, its placeholders filled by the hub for this ticket and agent. */
  async useCanned(cannedId) {
    if (!cannedId) {
      return;
    }
    this.cannedStatus.textContent = "Filling…";
    try {
      const { text, warning } = await cannedTextFor(this.ticketId(), cannedId);
      const current = this.text.value.trimEnd();
      this.text.value = current ? `${current}\n\n${text}` : text;
      // Placeholders the hub could not fill stay in the text; the hub says which.
      this.cannedStatus.textContent = warning || "";
      this.canned.value = "";
      this.text.focus();
      this.text.setSelectionRange(this.text.value.length, this.text.value.length);
    } catch (failure) {
      this.cannedStatus.textContent = failure.message;
    }
  }

  /** Focuses the reply text (the r key). */
  focus() {
    this.text.focus();
  }

  setMode(mode) {
    this.mode = mode;
    this.form.dataset.mode = mode;
    this.button.textContent = MODES[mode].submit;
    this.text.placeholder = MODES[mode].placeholder;
    this.target.hidden = mode !== "reply";
    this.noteHint.hidden = mode !== "note";
    this.replaceChoice.hidden = mode !== "reply" || !this.replaceOffered;
  }

  /** Shows (or hides) the explicit "Replace the store answer" choice; it is never ticked for the agent. */
  offerReplace(offered) {
    this.replaceOffered = offered;
    this.replaceChoice.hidden = this.mode !== "reply" || !offered;
  }

  /** Asks the hub where a reply goes whenever the ticket changed (a customer's message moves the answer's route). */
  async refresh(ticket) {
    if (this.targetVersion === `${ticket.id}:${ticket.version}`) {
      return;
    }
    this.targetVersion = `${ticket.id}:${ticket.version}`;
    const seq = ++this.targetSeq;
    let target;
    try {
      target = await getReplyTarget(ticket.id);
    } catch (failure) {
      if (seq === this.targetSeq) {
        this.targetVersion = null;
        this.showTarget({ canReply: false, reason: `the hub did not say (${failure.message})` });
      }
      return;
    }
    if (seq === this.targetSeq) {
      this.showTarget(target);
    }
  }

  showTarget(target) {
    this.needsReplace = !target.canReply && NEEDS_REPLACE.test(target.reason ?? "");
    this.target.dataset.canReply = String(Boolean(target.canReply || this.needsReplace));
    this.target.classList.toggle("cannot", !target.canReply && !this.needsReplace);
    if (target.canReply || this.needsReplace) {
      replace(this.target,
        el("span", { class: "target-label", text: "To: " }),
        el("strong", { class: "target-destination", text: target.destination ?? "" }),
        target.via ? el("span", { class: "muted", text: ` · ${target.via}` }) : null,
        this.needsReplace ? el("span", { class: "target-warning", text: ` The review already shows an answer in the store: tick "Replace the store answer" to replace it.` }) : null);
    } else {
      replace(this.target,
        el("span", { class: "target-label", text: "Cannot reply: " }),
        el("span", { class: "target-reason", text: target.reason ?? "no way to answer this ticket" }));
    }
    if (this.needsReplace) {
      this.offerReplace(true);
    }
  }
}
