// The events table: sortable by clicking a header, paginated, each row linking to its event.
import { navigate } from "./api.js";
import { appLink, deaths, h, injured, num, text } from "./dom.js";
import { swatch } from "./map.js";

export const PAGE_SIZE = 25;

const COLUMNS = [
  { key: "event_date", label: "Date", sort: "event_date" },
  { key: "sub_event_type", label: "Event", sort: "sub_event_type" },
  { key: "actor1", label: "Actor 1", sort: "actor1" },
  { key: "actor2", label: "Actor 2", sort: "actor2" },
  { key: "location", label: "Location", sort: "location" },
  { key: "country", label: "Country", sort: "country" },
  { key: "fatalities", label: "Deaths", sort: "fatalities", numeric: true },
  { key: "injured", label: "Injured", sort: "injured", numeric: true },
  { key: "n_sources", label: "Sources", numeric: true },
];

function cell(e, col) {
  const href = `/event/${encodeURIComponent(e.event_id)}`;
  switch (col.key) {
    case "event_date":
      return appLink(href, { class: "row-link" }, e.event_date || "undated");
    case "sub_event_type":
      return h(
        "span",
        { class: "type-cell", title: e.event_type || "" },
        swatch(e.event_type),
        text(e.sub_event_type),
      );
    case "fatalities":
      return deaths(e);
    case "injured":
      return injured(e);
    case "n_sources":
      return num(e.n_sources);
    default:
      return text(e[col.key]);
  }
}

/** `sort` ("field" or "-field"); the next sort when the header of `key` is clicked. */
export function nextSort(sort, key) {
  if (sort === key) return `-${key}`;
  if (sort === `-${key}`) return key;
  // counts start with the largest
  return key === "fatalities" || key === "injured" ? `-${key}` : key;
}

/**
 * The table for one page of /api/events ({total, limit, offset, items}).
 * `onSort(sort)` and `onPage(offset)` are called on header and pager clicks.
 */
export function eventsTable(page, { sort, onSort, onPage }) {
  const current = sort || "-event_date";
  const head = h(
    "tr",
    {},
    COLUMNS.map((col) => {
      const dir = current === col.sort ? "ascending" : current === `-${col.sort}` ? "descending" : null;
      const label = col.sort
        ? h(
            "button",
            {
              type: "button",
              class: "sort",
              dataset: { sort: col.sort },
              on: { click: () => onSort(nextSort(current, col.sort)) },
            },
            col.label,
            h(
              "span",
              { class: "arrow", "aria-hidden": "true" },
              dir === "ascending" ? "▲" : dir === "descending" ? "▼" : "",
            ),
          )
        : col.label;
      return h("th", { scope: "col", class: col.numeric ? "numeric" : null, "aria-sort": dir }, label);
    }),
  );
  const rows = page.items.map((e) =>
    h(
      "tr",
      {
        dataset: { eventId: e.event_id },
        on: {
          click: (event) => {
            if (event.target.closest("a, button")) return;
            navigate(`/event/${encodeURIComponent(e.event_id)}`);
          },
        },
      },
      COLUMNS.map((col) => h("td", { class: col.numeric ? "numeric" : null }, cell(e, col))),
    ),
  );
  const first = page.total ? page.offset + 1 : 0;
  const last = page.offset + page.items.length;
  const pager = h(
    "div",
    { class: "pager" },
    h("span", { class: "pager-status" }, `${num(first)}–${num(last)} of ${num(page.total)} events`),
    h(
      "button",
      {
        type: "button",
        class: "btn",
        disabled: page.offset <= 0,
        on: { click: () => onPage(Math.max(0, page.offset - page.limit)) },
      },
      "← Previous",
    ),
    h(
      "button",
      {
        type: "button",
        class: "btn",
        disabled: last >= page.total,
        on: { click: () => onPage(page.offset + page.limit) },
      },
      "Next →",
    ),
  );
  const table = h(
    "table",
    { class: "events-table" },
    h("thead", {}, head),
    h(
      "tbody",
      {},
      rows.length
        ? rows
        : h("tr", {}, h("td", { colspan: COLUMNS.length, class: "empty" }, "No events match these filters.")),
    ),
  );
  return h("div", { class: "table-wrap" }, table, pager);
}
