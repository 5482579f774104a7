// Channel icons (inline SVG built with createElementNS) with a text label for every channel.
import { el, svg } from "./dom.js";

const stroke = { fill: "none", stroke: "currentColor", "stroke-width": "2", "stroke-linecap": "round", "stroke-linejoin": "round" };

export const CHANNELS = {
  Web: {
    label: "Web",
    shapes: [["circle", { cx: 12, cy: 12, r: 9 }], ["path", { d: "M3 12h18M12 3a14 14 0 0 1 0 18M12 3a14 14 0 0 0 0 18" }]],
  },
  Email: {
    label: "Email",
    shapes: [["rect", { x: 3, y: 5, width: 18, height: 14, rx: 2 }], ["path", { d: "M3 7l9 6 9-6" }]],
  },
  Twitter: {
    label: "Twitter/X",
    shapes: [["path", { d: "M4 4h4.5L20 20h-4.5z" }], ["path", { d: "M20 4l-6.8 7.6M4 20l6.8-7.6" }]],
  },
  Facebook: {
    label: "Facebook",
    shapes: [["rect", { x: 3, y: 3, width: 18, height: 18, rx: 4 }], ["path", { d: "M16 7.5h-1.5A2.5 2.5 0 0 0 12 10v11M9 13h6" }]],
  },
  Chat: {
    label: "Livechat",
    shapes: [["path", { d: "M4 5h16v11H10l-5 4v-4H4z" }], ["path", { d: "M8 10.5h.01M12 10.5h.01M16 10.5h.01" }]],
  },
  Phone: {
    label: "Phone",
    shapes: [["path", { d: "M5 3h3.5l2 5-2.5 1.5a11 11 0 0 0 5.5 5.5l1.5-2.5 5 2V18a2 2 0 0 1-2 2A17 17 0 0 1 3 5a2 2 0 0 1 2-2z" }]],
  },
  AppReview: {
    label: "App review",
    shapes: [["path", { d: "M12 3l2.7 5.6 6.1.9-4.4 4.3 1 6.1L12 17l-5.4 2.9 1-6.1-4.4-4.3 6.1-.9z" }]],
  },
  Internal: {
    label: "Internal",
    shapes: [["circle", { cx: 12, cy: 8, r: 4 }], ["path", { d: "M4 21a8 8 0 0 1 16 0" }]],
  },
};

export function channelLabel(channel) {
  return CHANNELS[channel]?.label ?? String(channel ?? "Unknown");
}

/** The channel's icon and label; the label stays in the DOM for screen readers and tests. */
export function channelBadge(channel, { compact = false } = {}) {
  const known = CHANNELS[channel];
  const shapes = known?.shapes ?? [["circle", { cx: 12, cy: 12, r: 8 }]];
  const label = channelLabel(channel);
  return el(
    "span",
    { class: `channel channel-${String(channel ?? "unknown").toLowerCase()}`, title: `Channel: ${label}`, dataset: { channel: channel ?? "" } },
    svg(shapes, { ...stroke, class: "icon" }),
    el("span", { class: compact ? "channel-label compact" : "channel-label", text: label }),
  );
}
