// Stories: the list of stories, and a story's page with the timeline of its events, its cited
// summary, the figures its reports disagree on, and its articles.
import { getJSON, setParams } from "./api.js";
import { appLink, append, h, num, section, text } from "./dom.js";
import { radius, swatch, typeColor } from "./map.js";

const STORIES_PAGE = 50;
const MAX_ARTICLES = 60;

const storyPath = (id) => `/story/${encodeURIComponent(id)}`;
const articlePath = (id) => `/article/${encodeURIComponent(id)}`;
const eventPath = (id) => `/event/${encodeURIComponent(id)}`;

function dates(s) {
  if (!s.start && !s.end) return "undated";
  return s.start === s.end || !s.end ? String(s.start) : `${s.start} – ${s.end}`;
}

export async function storiesPage(root) {
  const offset = Math.max(
    0,
    parseInt(new URLSearchParams(window.location.search).get("offset") || "0", 10) || 0,
  );
  const page = await getJSON("/api/stories", { limit: STORIES_PAGE, offset });
  document.title = "Stories · fieldreport";
  const rows = page.items.map((s) =>
    h(
      "tr",
      { dataset: { storyId: s.story_id } },
      h("td", {}, appLink(storyPath(s.story_id), {}, s.title || s.story_id)),
      h("td", {}, dates(s)),
      h("td", { class: "numeric" }, num(s.n_articles)),
      h("td", { class: "numeric" }, num(s.n_events)),
    ),
  );
  const last = page.offset + page.items.length;
  append(
    root,
    h(
      "header",
      { class: "page-head" },
      h("h1", {}, "Stories"),
      h("p", { class: "subtitle" }, "Reports grouped by the story they tell, oldest first."),
    ),
    section(
      `${num(page.total)} stories`,
      h(
        "table",
        { class: "data-table stories" },
        h(
          "thead",
          {},
          h(
            "tr",
            {},
            ["Story", "Dates", "Articles", "Events"].map((c, i) =>
              h("th", { scope: "col", class: i > 1 ? "numeric" : null }, c),
            ),
          ),
        ),
        h("tbody", {}, rows),
      ),
      h(
        "div",
        { class: "pager" },
        h(
          "span",
          { class: "pager-status" },
          `${num(page.total ? page.offset + 1 : 0)}–${num(last)} of ${num(page.total)}`,
        ),
        h(
          "button",
          {
            type: "button",
            class: "btn",
            disabled: page.offset <= 0,
            on: { click: () => setParams({ offset: Math.max(0, page.offset - STORIES_PAGE) || null }) },
          },
          "← Previous",
        ),
        h(
          "button",
          {
            type: "button",
            class: "btn",
            disabled: last >= page.total,
            on: { click: () => setParams({ offset: last }) },
          },
          "Next →",
        ),
      ),
    ),
  );
}

/** The story's events on a time axis (d3), each a dot linking to its page. */
function eventStrip(events) {
  const d3 = window.d3;
  const dated = events.filter((e) => e.event_date);
  if (!d3 || !dated.length) return null;
  const width = 900;
  const parse = d3.utcParse("%Y-%m-%d");
  const days = dated.map((e) => parse(e.event_date.slice(0, 10)));
  const perDay = d3.max(
    d3.rollups(
      days,
      (v) => v.length,
      (d) => +d,
    ),
    ([, n]) => n,
  );
  const step = Math.min(14, 160 / perDay); // stacks of one day's events stay within the strip
  const height = 56 + perDay * step;
  let [lo, hi] = d3.extent(days);
  lo = d3.utcDay.offset(lo, -1);
  hi = d3.utcDay.offset(hi, 1);
  const x = d3
    .scaleUtc()
    .domain([lo, hi])
    .range([30, width - 30]);
  const svg = d3
    .create("svg")
    .attr("class", "story-strip")
    .attr("viewBox", `0 0 ${width} ${height}`)
    .attr("role", "img")
    .attr("aria-label", "The story's events over time");
  svg
    .append("g")
    .attr("class", "axis axis-x")
    .attr("transform", `translate(0,${height - 22})`)
    .call(d3.axisBottom(x).ticks(6).tickSizeOuter(0));
  const stack = new Map();
  dated.forEach((e, i) => {
    const key = +days[i];
    const level = stack.get(key) || 0;
    stack.set(key, level + 1);
    const a = svg.append("a").attr("href", eventPath(e.event_id));
    a.append("circle")
      .attr("cx", x(days[i]))
      .attr("cy", height - 34 - level * step)
      .attr("r", Math.min(radius(e.fatalities), 12))
      .attr("fill", typeColor(e.event_type))
      .attr("fill-opacity", 0.8)
      .attr("stroke", "#fff")
      .append("title")
      .text(
        `${e.event_date} · ${e.sub_event_type || ""} · ${e.location || ""} · ${e.fatalities ?? "?"} deaths`,
      );
  });
  return svg.node();
}

function eventList(events) {
  return h(
    "ol",
    { class: "story-events" },
    events.map((e) =>
      h(
        "li",
        { dataset: { eventId: e.event_id } },
        h("span", { class: "when" }, e.event_date || "undated"),
        swatch(e.event_type),
        appLink(
          eventPath(e.event_id),
          {},
          `${e.sub_event_type || e.event_type || "Event"}${e.location ? ` in ${e.location}` : ""}`,
        ),
        h(
          "span",
          { class: "muted" },
          ` · ${e.fatalities ?? "?"} deaths${e.injured != null ? `, ${e.injured} injured` : ""}`,
        ),
      ),
    ),
  );
}

function citations(ids, numbers) {
  return ids.map((id) =>
    appLink(articlePath(id), { class: "cite", title: `article ${id}` }, `[${numbers.get(id) ?? "?"}]`),
  );
}

function conflictItem(c, numbers) {
  const head =
    c.field === "fatalities" && c.event_id
      ? ["Death toll of ", appLink(eventPath(c.event_id), {}, "this event"), `: ${num(c.low)}–${num(c.high)}`]
      : [`${c.field}:`];
  return h(
    "li",
    {},
    h("div", {}, ...head),
    h(
      "ul",
      {},
      (c.claims || []).map((claim) =>
        h(
          "li",
          {},
          h(
            "strong",
            {},
            claim.figure ??
              (claim.low === claim.high ? num(claim.low) : `${num(claim.low)}–${num(claim.high)}`),
          ),
          ` ${claim.victims || ""} — ${text(claim.claimant)}${claim.outlet ? ` (${claim.outlet})` : ""} `,
          claim.article_id ? citations([claim.article_id], numbers) : null,
        ),
      ),
    ),
  );
}

async function articleList(ids, numbers) {
  const shown = ids.slice(0, MAX_ARTICLES);
  const articles = await Promise.all(
    shown.map((id) => getJSON(`/api/articles/${encodeURIComponent(id)}`).catch(() => ({ article_id: id }))),
  );
  return h(
    "ol",
    { class: "story-articles" },
    articles.map((a) =>
      h(
        "li",
        { value: numbers.get(a.article_id) },
        appLink(articlePath(a.article_id), {}, a.title || a.article_id),
        h(
          "span",
          { class: "muted" },
          ` · ${[a.outlet, a.published, a.duplicate_of ? "copy" : null].filter(Boolean).join(" · ")}`,
        ),
      ),
    ),
    ids.length > shown.length ? h("li", { class: "muted" }, `… and ${ids.length - shown.length} more`) : null,
  );
}

export async function storyPage(root, id) {
  const s = await getJSON(`/api/stories/${encodeURIComponent(id)}`);
  document.title = `${s.title || "Story"} · fieldreport`;
  const numbers = new Map((s.article_ids || []).map((aid, i) => [aid, i + 1]));
  const events = s.events || [];
  const articlesBox = h("div", {}, h("p", { class: "muted" }, "Loading…"));
  append(
    root,
    h(
      "header",
      { class: "page-head" },
      h("p", { class: "crumbs" }, appLink("/stories", {}, "← All stories")),
      h("h1", {}, s.title || "Untitled story"),
      h(
        "p",
        { class: "subtitle" },
        `${dates(s)} · ${num((s.article_ids || []).length)} articles · ${num(events.length)} events`,
      ),
    ),
    section(
      "Summary",
      (s.summary || []).length
        ? h(
            "ol",
            { class: "summary" },
            s.summary.map((item) =>
              h(
                "li",
                {},
                h("span", { class: "sentence" }, item.sentence),
                " ",
                citations(item.article_ids || [], numbers),
              ),
            ),
          )
        : h("p", { class: "muted" }, "No summary."),
    ),
    section(
      "Timeline of events",
      eventStrip(events),
      events.length ? eventList(events) : h("p", { class: "muted" }, "No events."),
      h(
        "p",
        {},
        appLink(
          `/events?story=${encodeURIComponent(s.story_id)}`,
          { class: "btn btn-small" },
          "Show on the map",
        ),
      ),
    ),
    (s.conflicts || []).length
      ? section(
          "Where the reports disagree",
          h(
            "ul",
            { class: "conflicts" },
            s.conflicts.map((c) => conflictItem(c, numbers)),
          ),
        )
      : null,
    section("Articles", articlesBox),
  );
  articlesBox.replaceChildren(await articleList(s.article_ids || [], numbers));
}
