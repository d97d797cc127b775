// The events dashboard: filter bar, map, timeline and table, all driven by the URL's query
// string. Every change of filters goes through the URL, so back, forward and shared links work.
import { FILTER_KEYS, filtersOf, getJSON, navigate, query, setParams, without } from "./api.js";
import { append, errorBox, h, num, replace } from "./dom.js";
import { EventMap, mapLibraries, typeLegend } from "./map.js";
import { PAGE_SIZE, eventsTable } from "./table.js";
import { Timeline, timelineLibrary } from "./timeline.js";

const MAP_PAGE = 1000;
const MAP_MAX_PAGES = 10;
// Filters with a control of their own in the bar; the others (story, admin1, bbox) show as chips.
const SELECTS = [
  ["event_type", "Event type"],
  ["sub_event_type", "Sub-event type"],
  ["country", "Country"],
];
// Each list of choices ignores its own filter (and the sub-type its type), so a choice can change.
const FACET_IGNORES = {
  event_type: ["event_type", "sub_event_type"],
  sub_event_type: ["sub_event_type"],
  country: ["country"],
  actor: ["actor"],
};
const CHIPS = { story: "Story", admin1: "Admin area", bbox: "Map area" };

function field(label, control) {
  return h("label", { class: "field" }, h("span", { class: "field-label" }, label), control);
}

export class Dashboard {
  constructor(root) {
    this.root = root;
    this.generation = 0;
    this.lastFilters = null;
    this.inputs = {};
    const form = this.filterBar();
    this.chips = h("div", { class: "chips" });
    this.mapEl = h("div", { id: "map", class: "map", "aria-label": "Map of events" });
    this.stats = h("div", { class: "stats" });
    this.legend = h("div", { class: "legend-wrap" });
    this.exports = h("div", { class: "exports" });
    this.timelineEl = h("div", { id: "timeline", class: "timeline" });
    this.tableEl = h("div", { id: "events-table" });
    this.areaButton = h(
      "button",
      { type: "button", class: "btn btn-small", on: { click: () => this.limitToMap() } },
      "Limit to map area",
    );
    append(
      root,
      form,
      this.chips,
      h(
        "div",
        { class: "overview" },
        h("div", { class: "panel map-panel" }, this.mapEl),
        h(
          "aside",
          { class: "panel side" },
          this.stats,
          h("h3", {}, "Event types"),
          this.legend,
          h("p", { class: "hint" }, "Circle size: reported deaths."),
          this.areaButton,
          h("h3", {}, "Download"),
          this.exports,
        ),
      ),
      h(
        "section",
        { class: "panel timeline-panel" },
        h(
          "div",
          { class: "panel-head" },
          h("h2", {}, "Timeline"),
          h(
            "span",
            { class: "hint" },
            "Drag across the bars to filter by date; click outside the selection to clear it.",
          ),
        ),
        this.timelineEl,
      ),
      h(
        "section",
        { class: "panel" },
        h("div", { class: "panel-head" }, h("h2", {}, "Events")),
        this.tableEl,
      ),
    );
    this.map = null;
    if (mapLibraries()) this.map = new EventMap(this.mapEl);
    else
      append(
        this.mapEl,
        h("p", { class: "missing" }, "The map needs the libraries in node_modules: run `make install`."),
      );
    this.timeline = timelineLibrary()
      ? new Timeline(this.timelineEl, {
          onBrush: (range) => setParams({ start: range?.start, end: range?.end }),
        })
      : null;
    if (!this.timeline)
      append(
        this.timelineEl,
        h("p", { class: "missing" }, "The timeline needs d3 from node_modules: run `make install`."),
      );
  }

  filterBar() {
    const input = (name, attrs) => {
      const el = h("input", { name, id: `f-${name}`, ...attrs });
      this.inputs[name] = el;
      return el;
    };
    const select = (name) => {
      const el = h("select", { name, id: `f-${name}`, on: { change: () => this.apply(name) } });
      this.inputs[name] = el;
      return el;
    };
    this.actorList = h("datalist", { id: "actor-options" });
    const form = h(
      "form",
      {
        class: "filters",
        role: "search",
        on: { submit: (event) => (event.preventDefault(), this.apply("q")) },
      },
      field(
        "Search",
        input("q", {
          type: "search",
          placeholder: "Words in the reports…",
          on: { change: () => this.apply("q") },
        }),
      ),
      field("From", input("start", { type: "date", on: { change: () => this.apply("start") } })),
      field("To", input("end", { type: "date", on: { change: () => this.apply("end") } })),
      SELECTS.map(([name, label]) => field(label, select(name))),
      field(
        "Actor",
        input("actor", {
          type: "text",
          list: "actor-options",
          placeholder: "Any actor",
          on: { change: () => this.apply("actor") },
        }),
      ),
      this.actorList,
      h(
        "div",
        { class: "filter-buttons" },
        h("button", { type: "submit", class: "btn btn-primary" }, "Apply"),
        h(
          "button",
          { type: "button", class: "btn", on: { click: () => navigate(window.location.pathname) } },
          "Reset",
        ),
      ),
    );
    return form;
  }

  /** Put the control `name`'s value into the URL (a new event type clears the sub-event type). */
  apply(name) {
    const changes = {};
    for (const key of ["q", "start", "end", "actor"]) changes[key] = this.inputs[key].value;
    changes[name] = this.inputs[name].value;
    if (name === "event_type") changes.sub_event_type = null;
    setParams(changes);
  }

  limitToMap() {
    if (this.map) setParams({ bbox: this.map.bbox() });
  }

  /** Show the inputs as the URL says (on load, and after back or forward). */
  syncInputs(filters) {
    for (const [name, el] of Object.entries(this.inputs)) {
      if (el.tagName !== "SELECT") el.value = filters[name] || "";
    }
    replace(
      this.chips,
      Object.entries(CHIPS)
        .filter(([key]) => filters[key])
        .map(([key, label]) =>
          h(
            "span",
            { class: "chip" },
            `${label}: ${filters[key]}`,
            h(
              "button",
              {
                type: "button",
                class: "chip-remove",
                "aria-label": `Remove ${label} filter`,
                on: { click: () => setParams({ [key]: null }) },
              },
              "×",
            ),
          ),
        ),
    );
  }

  /** Load everything the URL asks for; only the table when just its sort or page changed. */
  async update() {
    const filters = filtersOf();
    const params = new URLSearchParams(window.location.search);
    const sort = params.get("sort") || "";
    const offset = Math.max(0, parseInt(params.get("offset") || "0", 10) || 0);
    const key = JSON.stringify(filters);
    const filtersChanged = key !== this.lastFilters;
    this.lastFilters = key;
    this.syncInputs(filters);
    const generation = ++this.generation;
    const current = () => generation === this.generation;
    this.root.dataset.status = "loading";
    const jobs = [this.loadTable(filters, sort, offset, current)];
    if (filtersChanged) {
      jobs.push(
        this.loadMap(filters, current),
        this.loadTimeline(filters, current),
        this.loadFacets(filters, current),
      );
      this.renderExports(filters);
    }
    await Promise.allSettled(jobs);
    if (current()) this.root.dataset.status = "ready";
  }

  async loadTable(filters, sort, offset, current) {
    try {
      const page = await getJSON("/api/events", {
        ...filters,
        ...(sort ? { sort } : {}),
        limit: PAGE_SIZE,
        offset,
      });
      if (!current()) return;
      this.tableEl.dataset.total = String(page.total);
      replace(
        this.tableEl,
        eventsTable(page, {
          sort,
          onSort: (next) => setParams({ sort: next }),
          onPage: (next) => setParams({ offset: next || null }, { keepOffset: true }),
        }),
      );
    } catch (err) {
      if (current()) replace(this.tableEl, errorBox(err));
    }
  }

  async loadMap(filters, current) {
    try {
      const events = [];
      let total = 0;
      for (let page = 0; page < MAP_MAX_PAGES; page += 1) {
        const body = await getJSON("/api/events", { ...filters, limit: MAP_PAGE, offset: page * MAP_PAGE });
        if (!current()) return;
        events.push(...body.items);
        total = body.total;
        if (events.length >= total || !body.items.length) break;
      }
      const deaths = events.reduce((sum, e) => sum + (e.fatalities || 0), 0);
      const located = events.filter((e) => e.latitude != null && e.longitude != null).length;
      const countries = new Set(events.map((e) => e.country).filter(Boolean)).size;
      replace(
        this.stats,
        [
          [num(total), "events"],
          [num(deaths), "deaths reported"],
          [num(countries), countries === 1 ? "country" : "countries"],
        ].map(([value, label]) =>
          h(
            "div",
            { class: "stat" },
            h("span", { class: "stat-value" }, value),
            h("span", { class: "stat-label" }, label),
          ),
        ),
        located < events.length
          ? h(
              "p",
              { class: "hint" },
              `${num(events.length - located)} without coordinates are not on the map.`,
            )
          : null,
        events.length < total
          ? h("p", { class: "hint" }, `The map shows the first ${num(events.length)}.`)
          : null,
      );
      const counts = {};
      for (const e of events) counts[e.event_type || "Other"] = (counts[e.event_type || "Other"] || 0) + 1;
      replace(this.legend, events.length ? typeLegend(counts) : h("p", { class: "hint" }, "No events."));
      this.map?.setEvents(events, { fit: !filters.bbox });
      this.areaButton.hidden = !this.map || Boolean(filters.bbox);
    } catch (err) {
      if (current()) replace(this.stats, errorBox(err));
    }
  }

  async loadTimeline(filters, current) {
    if (!this.timeline) return;
    try {
      const body = await getJSON("/api/events/histogram", {
        ...without(filters, "start", "end"),
        bin: "day",
      });
      if (current()) this.timeline.setData(body.bins, { start: filters.start, end: filters.end });
    } catch (err) {
      if (current()) replace(this.timelineEl, errorBox(err));
    }
  }

  async loadFacets(filters, current) {
    const dims = SELECTS.map(([name]) => name).concat("actor");
    try {
      const answers = await Promise.all(
        dims.map((dim) => getJSON("/api/facets", without(filters, ...FACET_IGNORES[dim]))),
      );
      if (!current()) return;
      dims.forEach((dim, i) => {
        const values = answers[i][dim] || [];
        if (dim === "actor") {
          replace(
            this.actorList,
            values.map((v) => h("option", { value: v.value }, `${v.value} (${v.count})`)),
          );
          return;
        }
        const el = this.inputs[dim];
        const chosen = filters[dim] || "";
        const options = values.map((v) => h("option", { value: v.value }, `${v.value} (${num(v.count)})`));
        if (chosen && !values.some((v) => v.value === chosen))
          options.unshift(h("option", { value: chosen }, chosen));
        replace(el, h("option", { value: "" }, "All"), options);
        el.value = chosen;
      });
    } catch (err) {
      console.warn("facets:", err.message);
    }
  }

  renderExports(filters) {
    const qs = query(Object.fromEntries(FILTER_KEYS.filter((k) => filters[k]).map((k) => [k, filters[k]])));
    replace(
      this.exports,
      [
        ["CSV (ACLED)", "export.csv"],
        ["GeoJSON", "export.geojson"],
        ["JSONL", "export.jsonl"],
      ].map(([label, file]) =>
        h("a", { class: "btn btn-small", href: `/api/${file}${qs}`, download: "" }, label),
      ),
    );
  }

  resize() {
    this.map?.resize();
  }
}
