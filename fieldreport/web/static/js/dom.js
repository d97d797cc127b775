// DOM helpers. Every piece of data reaches the page as a text node or a checked attribute:
// nothing here (or anywhere in the dashboard) parses HTML from a string.

import { navigate } from "./api.js";

const SAFE_PROTOCOLS = new Set(["http:", "https:"]);

/** `url` if it is an absolute http(s) URL, else null: never a javascript:, data: or relative link. */
export function safeUrl(url) {
  if (typeof url !== "string" || !url.trim()) return null;
  try {
    const parsed = new URL(url.trim());
    return SAFE_PROTOCOLS.has(parsed.protocol) ? parsed.href : null;
  } catch {
    return null;
  }
}

/**
 * Build an element: h("a", {class: "x", href: "/event/1"}, "text", child).
 * Attribute values are set with setAttribute (never parsed); `on*` attributes are refused,
 * functions under `on` are added as listeners, and children that are not nodes become text.
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name === "on") {
      for (const [type, fn] of Object.entries(value)) el.addEventListener(type, fn);
    } else if (name === "dataset") {
      Object.assign(el.dataset, value);
    } else if (name.toLowerCase().startsWith("on")) {
      throw new Error(`inline handler attribute ${name} refused`);
    } else if (name === "href") {
      // Internal routes start with a single "/", anything else must be http(s).
      const href = String(value).startsWith("/") && !String(value).startsWith("//") ? value : safeUrl(value);
      if (href) el.setAttribute("href", href);
    } else {
      el.setAttribute(name, value === true ? "" : String(value));
    }
  }
  append(el, ...children);
  return el;
}

/** Append children: nodes as they are, arrays flattened, everything else as text. */
export function append(el, ...children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

/** Replace the content of `el` with `children`. */
export function replace(el, ...children) {
  el.replaceChildren();
  return append(el, ...children);
}

/** A link to an external page, or the plain text when the URL is not http(s). */
export function externalLink(url, text) {
  const href = safeUrl(url);
  if (!href) return h("span", { class: "unsafe-url", title: "not an http(s) link" }, text ?? url ?? "");
  return h("a", { href, rel: "noopener noreferrer nofollow", target: "_blank" }, text ?? href);
}

/** A link to a page of the dashboard, followed without reloading the page. */
export function appLink(path, attrs, ...children) {
  const a = h("a", { ...attrs, href: path }, ...children);
  a.addEventListener("click", (event) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    event.stopPropagation();
    navigate(path);
  });
  return a;
}

/** "1,234" for numbers, an en dash for missing values. */
export function num(value) {
  return value === null || value === undefined ? "–" : Number(value).toLocaleString("en-US");
}

export function text(value) {
  return value === null || value === undefined || value === "" ? "–" : String(value);
}

/** A count as "best (low–high)" when the claims span a range; an en dash when none is known. */
export function toll(best, low, high) {
  if (best === null || best === undefined) return "–";
  const range = low !== high && high != null;
  return range ? `${num(best)} (${num(low)}–${num(high)})` : num(best);
}

/** Deaths as "best (low–high)" when the claims span a range. */
export function deaths(e) {
  return toll(e.fatalities, e.fatalities_low, e.fatalities_high);
}

/** The injured as "best (low–high)", by the same rule as deaths. */
export function injured(e) {
  return toll(e.injured, e.injured_low, e.injured_high);
}

export function place(e) {
  return [e.location, e.admin1 !== e.location ? e.admin1 : null, e.country].filter(Boolean).join(", ") || "–";
}

/** A definition list from [label, value] pairs; values may be nodes. */
export function definitions(rows) {
  return h(
    "dl",
    { class: "fields" },
    rows.map(([label, value]) => [
      h("dt", {}, label),
      h("dd", {}, value instanceof Node || Array.isArray(value) ? value : text(value)),
    ]),
  );
}

export function section(title, ...children) {
  return h("section", { class: "panel" }, h("h2", {}, title), ...children);
}

export function errorBox(err) {
  return h(
    "div",
    { class: "error", role: "alert" },
    h("strong", {}, "Could not load: "),
    err?.message || String(err),
  );
}
