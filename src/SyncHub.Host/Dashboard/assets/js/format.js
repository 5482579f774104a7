// Labels and formats shared by the table and the ticket view.

export const DEPARTMENTS = { PaidSupport: "Paid Support", Trials: "Trials", Community: "Community" };

export const HISTORY_TYPES = {
  created: "Created",
  threaded: "Threaded",
  routed: "Routed",
  sla: "SLA",
  status: "Status",
  reply: "Reply",
  escalated: "Escalated",
  notification: "Notification",
  note: "Note",
  "follow-up": "Follow-up",
  "call-follow-up": "Call follow-up",
  "internal-note": "Internal note",
  delivery: "Delivery",
  reopened: "Reopened",
  linked: "Linked",
  "sla-breached": "SLA breached",
  "sla-at-risk": "SLA at risk",
  assigned: "Assigned",
  edited: "Edited",
  checklist: "Checklist",
  merged: "Merged",
};

// Friendly names for the diagnostics the channels bring (best practice: gather data about the client).
export const DIAGNOSTIC_LABELS = {
  clientVersion: "Client version",
  appVersion: "App version",
  appName: "App",
  version: "Version",
  product: "Product",
  platform: "Platform",
  os: "Operating system",
  osVersion: "OS version",
  device: "Device",
  browser: "Browser",
  userAgent: "User agent",
  rating: "Rating",
  affectedUsers: "Affected users",
  locale: "Locale",
  language: "Language",
  country: "Country",
  store: "Store",
  reviewId: "Review id",
  beta: "Beta version",
  messageId: "Message-ID",
  inReplyTo: "In reply to",
  mailer: "Mail program",
  attachments: "Attachments",
  folder: "Mail folder",
  notes: "Intake notes",
  direction: "Call direction",
  duration: "Call duration (s)",
  agent: "Hotline agent",
  recordingUrl: "Call recording",
  callStatus: "Call status",
  line: "Hotline number",
  team: "Hotline team",
  queue: "Call queue",
};

export function departmentLabel(value) {
  return DEPARTMENTS[value] ?? String(value ?? "");
}

/** "affectedUsers" → "Affected users"; known keys get their friendly label. */
export function keyLabel(key, known = DIAGNOSTIC_LABELS) {
  if (Object.hasOwn(known, key)) {
    return known[key];
  }
  const words = String(key).replace(/[_-]+/g, " ").replace(/([a-z0-9])([A-Z])/g, "$1 $2").trim().toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });
const timeOnly = new Intl.DateTimeFormat(undefined, { timeStyle: "medium" });

/** An ISO instant in the agent's local time; "" when absent. */
export function formatInstant(iso) {
  if (!iso) {
    return "";
  }
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? String(iso) : dateTime.format(date);
}

export function formatTime(date) {
  return timeOnly.format(date);
}

/** A duration in milliseconds as "2d 04h", "3h 05m", "12m 05s" or "45s". */
export function formatDuration(ms) {
  const total = Math.max(0, Math.floor(Math.abs(ms) / 1000));
  const days = Math.floor(total / 86400);
  const hours = Math.floor((total % 86400) / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const two = (n) => String(n).padStart(2, "0");
  if (days > 0) {
    return `${days}d ${two(hours)}h`;
  }
  if (hours > 0) {
    return `${hours}h ${two(minutes)}m`;
  }
  if (minutes > 0) {
    return `${minutes}m ${two(seconds)}s`;
  }
  return `${seconds}s`;
}

/** A .NET TimeSpan as JSON ("1.02:30:00", "00:30:00") in words ("1d 2h 30m"). */
export function formatTimeSpan(value) {
  if (!value) {
    return "";
  }
  const match = /^(-)?(?:(\d+)\.)?(\d+):(\d+):(\d+)(?:\.\d+)?$/.exec(String(value));
  if (!match) {
    return String(value);
  }
  const [, , days, hours, minutes, seconds] = match;
  const parts = [];
  if (Number(days)) parts.push(`${Number(days)}d`);
  if (Number(hours)) parts.push(`${Number(hours)}h`);
  if (Number(minutes)) parts.push(`${Number(minutes)}m`);
  if (Number(seconds)) parts.push(`${Number(seconds)}s`);
  return parts.length ? parts.join(" ") : "0";
}

/** The requester's best contact: e-mail, then handle, then phone. */
export function contactOf(requester) {
  return requester?.email || requester?.handle || requester?.phone || "";
}

export function requesterName(requester) {
  return requester?.name || contactOf(requester) || "Unknown requester";
}
