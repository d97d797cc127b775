// The HTTP API and the URL: filters live in the query string, so a view can be shared,
// bookmarked, and reached again with back and forward.

/** Query parameters that filter events (every endpoint that lists events takes them). */
export const FILTER_KEYS = [
  "start",
  "end",
  "event_type",
  "sub_event_type",
  "actor",
  "country",
  "admin1",
  "bbox",
  "story",
  "q",
];

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

/** GET a JSON resource of the API; errors carry the API's {"error": {...}} message. */
export async function getJSON(path, params = null, { signal } = {}) {
  const qs = params ? new URLSearchParams(params).toString() : "";
  const response = await fetch(qs ? `${path}?${qs}` : path, {
    signal,
    headers: { Accept: "application/json" },
  });
  let body = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  if (!response.ok) {
    const err = body && body.error ? body.error : {};
    throw new ApiError(response.status, err.code || "http_error", err.message || `HTTP ${response.status}`);
  }
  return body;
}

/** The filters of a URLSearchParams (or the current location) as a plain object of non-empty values. */
export function filtersOf(search = window.location.search, keys = FILTER_KEYS) {
  const params = new URLSearchParams(search);
  const out = {};
  for (const key of keys) {
    const value = params.get(key);
    if (value !== null && value.trim() !== "") out[key] = value.trim();
  }
  return out;
}

/** `base` without the keys of `drop`. */
export function without(base, ...drop) {
  return Object.fromEntries(Object.entries(base).filter(([k]) => !drop.includes(k)));
}

/** A query string ("?a=1&b=2", or "" when empty) from an object, skipping empty values. */
export function query(params) {
  const clean = Object.entries(params).filter(([, v]) => v !== null && v !== undefined && String(v) !== "");
  const qs = new URLSearchParams(clean).toString();
  return qs ? `?${qs}` : "";
}

const listeners = new Set();

/** Call `fn` after every navigation (link, history button or script). */
export function onNavigate(fn) {
  listeners.add(fn);
}

/** Go to an app URL without reloading; `replace` rewrites the current history entry instead. */
export function navigate(url, { replace = false } = {}) {
  const target = new URL(url, window.location.origin);
  if (target.origin !== window.location.origin) throw new Error("navigate() is for app URLs only");
  const path = target.pathname + target.search + target.hash;
  if (path === window.location.pathname + window.location.search + window.location.hash) return;
  if (replace) window.history.replaceState(null, "", path);
  else window.history.pushState(null, "", path);
  for (const fn of listeners) fn();
}

window.addEventListener("popstate", () => {
  for (const fn of listeners) fn();
});

/** Update some query parameters of the current URL (null removes one) and navigate there. */
export function setParams(changes, { replace = false, keepOffset = false } = {}) {
  const params = new URLSearchParams(window.location.search);
  for (const [key, value] of Object.entries(changes)) {
    if (value === null || value === undefined || String(value).trim() === "") params.delete(key);
    else params.set(key, String(value).trim());
  }
  if (!keepOffset && !("offset" in changes)) params.delete("offset");
  const qs = params.toString();
  navigate(window.location.pathname + (qs ? `?${qs}` : ""), { replace });
}
