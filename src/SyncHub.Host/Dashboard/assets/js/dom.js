// DOM building without parsing HTML: every value is set as text or as a plain attribute, so ticket data
// (subjects, bodies, names, diagnostics) is always shown as text and never parsed as markup.

const SVG_NS = "http://www.w3.org/2000/svg";

/**
 * Creates an element. props: class, text, dataset, on<Event> handlers, boolean or string attributes.
 * Children: nodes, strings (as text nodes), arrays; null/undefined/false are skipped.
 */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props ?? {})) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (key === "class") {
      node.className = value;
    } else if (key === "text") {
      node.textContent = String(value);
    } else if (key === "dataset") {
      Object.assign(node.dataset, value);
    } else if (key.startsWith("on") && typeof value === "function") {
      node.addEventListener(key.slice(2), value);
    } else if (key === "value") {
      node.value = String(value);
    } else {
      node.setAttribute(key, value === true ? "" : String(value));
    }
  }
  append(node, children);
  return node;
}

/** Appends children (nodes, strings as text, nested arrays) to a node. */
export function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) {
      continue;
    }
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** Replaces all children of a node. */
export function replace(node, ...children) {
  node.replaceChildren();
  return append(node, children);
}

/** An inline SVG icon from shapes [[tag, attributes], ...] on a 24x24 grid. */
export function svg(shapes, props = {}) {
  const root = document.createElementNS(SVG_NS, "svg");
  root.setAttribute("viewBox", "0 0 24 24");
  root.setAttribute("aria-hidden", "true");
  root.setAttribute("focusable", "false");
  for (const [key, value] of Object.entries(props)) {
    root.setAttribute(key, value);
  }
  for (const [tag, attributes] of shapes) {
    const shape = document.createElementNS(SVG_NS, tag);
    for (const [key, value] of Object.entries(attributes)) {
      shape.setAttribute(key, String(value));
    }
    root.append(shape);
  }
  return root;
}

/** A link only for http(s) addresses; anything else (javascript:, data:) is shown as plain text. */
export function safeLink(value, text = value) {
  let url;
  try {
    url = new URL(value);
  } catch {
    return document.createTextNode(String(text));
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    return document.createTextNode(String(text));
  }
  return el("a", { href: url.href, target: "_blank", rel: "noopener noreferrer", text });
}
