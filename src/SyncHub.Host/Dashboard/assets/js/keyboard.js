// Keyboard use of the queue: j/k move the cursor in the list, o or Enter open, r reply, a assign to me, x tick, / search,
// ? the list of keys, Escape closes. No key fires while the agent types in a field or holds Ctrl, Alt or Meta.

/** True when the key went to something the agent types in (or a control that uses the key itself). */
function typing(target) {
  if (!(target instanceof Element)) {
    return false;
  }
  if (target.isContentEditable) {
    return true;
  }
  const tag = target.tagName;
  if (tag === "TEXTAREA" || tag === "SELECT") {
    return true;
  }
  if (tag === "INPUT") {
    return !["checkbox", "radio", "button", "submit", "reset"].includes(target.type);
  }
  return false;
}

/**
 * handlers: next(), previous(), open(), reply(), assign(), toggle(), search(), help(), escape().
 * Enter opens only when no button or link has the focus (those use Enter themselves).
 */
export function installKeys(handlers) {
  document.addEventListener("keydown", (event) => {
    if (event.defaultPrevented || event.ctrlKey || event.altKey || event.metaKey || event.isComposing) {
      return;
    }
    if (event.key === "Escape") {
      if (handlers.escape(event)) {
        event.preventDefault();
      }
      return;
    }
    if (typing(event.target) || document.querySelector("dialog[open]")) {
      return;
    }
    const onControl = event.target instanceof Element && event.target.closest("a, button, input, summary, label");
    const actions = {
      j: handlers.next,
      k: handlers.previous,
      o: handlers.open,
      r: handlers.reply,
      a: handlers.assign,
      x: handlers.toggle,
      "/": handlers.search,
      "?": handlers.help,
      Enter: onControl ? null : handlers.open,
    };
    const action = actions[event.key];
    if (action) {
      event.preventDefault();
      action();
    }
  });
}
