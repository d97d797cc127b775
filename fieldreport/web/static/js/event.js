// The event page (every field, every source and casualty claim, the evidence highlighted in the
// articles) and the article page (the stored text with all its marked spans).
import { getJSON, navigate } from "./api.js";
import {
  appLink,
  append,
  deaths,
  definitions,
  externalLink,
  h,
  injured,
  num,
  place,
  section,
  text,
} from "./dom.js";
import { highlighted, legend } from "./highlight.js";
import { EventMap, mapLibraries, swatch } from "./map.js";

const PRECISION = { 1: "day", 2: "week", 3: "month" };
const GEO_PRECISION = { 1: "the place itself", 2: "near it, or part of a region", 3: "the region" };

const eventPath = (id) => `/event/${encodeURIComponent(id)}`;
const articlePath = (id) => `/article/${encodeURIComponent(id)}`;
const storyPath = (id) => `/story/${encodeURIComponent(id)}`;

function figure(low, high) {
  if (low === null || low === undefined) return "–";
  return high !== null && high !== undefined && high !== low ? `${num(low)}–${num(high)}` : num(low);
}

export function eventTitle(e) {
  return `${e.sub_event_type || e.event_type || "Event"}${e.location ? ` in ${e.location}` : ""}`;
}

function details(e) {
  return definitions([
    ["Event id", h("code", {}, e.event_id)],
    [
      "Date",
      e.event_date
        ? `${e.event_date} (precision: ${PRECISION[e.time_precision] || e.time_precision || "–"})`
        : "undated",
    ],
    ["Event type", e.event_type],
    ["Sub-event type", e.sub_event_type],
    ["Actor 1", e.actor1 ? `${e.actor1}${e.inter1 ? ` (inter ${e.inter1})` : ""}` : null],
    ["Actor 2", e.actor2 ? `${e.actor2}${e.inter2 ? ` (inter ${e.inter2})` : ""}` : null],
    ["Location", e.location],
    ["Admin 1", e.admin1],
    ["Admin 2", e.admin2],
    ["Country", e.country ? `${e.country}${e.country_code ? ` (${e.country_code})` : ""}` : null],
    ["Coordinates", e.latitude != null ? `${e.latitude.toFixed(4)}, ${e.longitude.toFixed(4)}` : null],
    ["Geo precision", e.geo_precision ? `${e.geo_precision}: ${GEO_PRECISION[e.geo_precision] || ""}` : null],
    ["Deaths (best)", e.fatalities],
    ["Deaths (low–high)", figure(e.fatalities_low, e.fatalities_high)],
    ["Disputed toll", e.fatalities_disputed ? "yes: the sources' latest tolls differ" : "no"],
    ["Injured (best)", e.injured],
    ["Injured (low–high)", figure(e.injured_low, e.injured_high)],
    ["Disputed injured", e.injured_disputed ? "yes: the sources' latest counts differ" : "no"],
    ["Story", e.story_id ? appLink(storyPath(e.story_id), {}, e.story_id) : null],
  ]);
}

function sourcesTable(e) {
  const copied = new Set((e.mentions || []).filter((m) => m.copied).map((m) => m.article_id));
  const rows = (e.articles || []).map((a) =>
    h(
      "tr",
      {},
      h("td", {}, text(a.outlet), copied.has(a.article_id) ? h("span", { class: "badge" }, "copy") : null),
      h(
        "td",
        {},
        text(a.published),
        a.published_source ? h("span", { class: "muted" }, ` (${a.published_source})`) : null,
      ),
      h("td", {}, appLink(articlePath(a.article_id), {}, a.title || "Untitled article")),
      h("td", {}, a.url ? externalLink(a.url, "original") : "–"),
    ),
  );
  return h(
    "table",
    { class: "data-table sources" },
    h(
      "thead",
      {},
      h(
        "tr",
        {},
        ["Outlet", "Published", "Article", "Link"].map((c) => h("th", { scope: "col" }, c)),
      ),
    ),
    h("tbody", {}, rows),
  );
}

function claimsTable(e) {
  const claims = e.claims || [];
  if (!claims.length) return h("p", { class: "muted" }, "No casualty figures in the reports.");
  return h(
    "table",
    { class: "data-table claims" },
    h(
      "thead",
      {},
      h(
        "tr",
        {},
        ["Kind", "Figure", "Victims", "Claimant", "Outlet", "Words"].map((c) => h("th", { scope: "col" }, c)),
      ),
    ),
    h(
      "tbody",
      {},
      claims.map((c) =>
        h(
          "tr",
          {},
          h("td", {}, text(c.kind)),
          h("td", { class: "numeric" }, figure(c.low, c.high)),
          h("td", {}, text(c.victims)),
          h("td", {}, text(c.claimant)),
          h("td", {}, text(c.outlet)),
          h(
            "td",
            {},
            c.article_id
              ? appLink(articlePath(c.article_id), { class: "quote" }, `“${c.text || ""}”`)
              : text(c.text),
          ),
        ),
      ),
    ),
  );
}

/** One article's text with this event's sentences and claims marked. */
async function evidence(e, articleId, copied) {
  const article = await getJSON(`/api/articles/${encodeURIComponent(articleId)}`);
  const spans = [
    ...(e.mentions || [])
      .filter((m) => m.article_id === articleId)
      .map((m) => ({ start: m.start, end: m.end, kind: "evidence", title: "reports this event" })),
    ...(e.claims || [])
      .filter((c) => c.article_id === articleId && c.start != null)
      .map((c) => ({
        start: c.start,
        end: c.end,
        kind: "claim",
        title: `claim: ${c.kind || ""} ${figure(c.low, c.high)}`,
      })),
    ...(article.spans || []).filter((s) => s.kind === "place" || s.kind === "timex"),
  ];
  return h(
    "article",
    { class: "evidence", dataset: { articleId } },
    h(
      "header",
      {},
      h("h3", {}, appLink(articlePath(articleId), {}, article.title || "Untitled article")),
      h(
        "p",
        { class: "muted" },
        [article.outlet, article.published, copied ? "syndicated copy" : null].filter(Boolean).join(" · "),
      ),
    ),
    highlighted(article.text || "", spans),
  );
}

export async function eventPage(root, id) {
  const e = await getJSON(`/api/events/${encodeURIComponent(id)}`);
  document.title = `${eventTitle(e)} · fieldreport`;
  const mapBox = h("div", { class: "mini-map", id: "event-map" });
  const evidenceBox = h(
    "div",
    { class: "evidence-list" },
    h("p", { class: "muted" }, "Loading the articles…"),
  );
  append(
    root,
    h(
      "header",
      { class: "page-head" },
      h("p", { class: "crumbs" }, appLink("/events", {}, "← All events")),
      h("h1", {}, swatch(e.event_type), eventTitle(e)),
      h(
        "p",
        { class: "subtitle" },
        [
          e.event_date || "undated",
          place(e),
          `${deaths(e)} deaths`,
          e.injured != null ? `${injured(e)} injured` : null,
        ]
          .filter(Boolean)
          .join(" · "),
      ),
      e.notes ? h("p", { class: "notes" }, e.notes) : null,
    ),
    h(
      "div",
      { class: "two-col" },
      section("Details", details(e)),
      section("Where", mapBox, h("p", { class: "muted" }, place(e))),
    ),
    section("Sources", h("p", {}, "Reported by: ", (e.sources || []).join("; ") || "–"), sourcesTable(e)),
    section("Casualty claims", claimsTable(e)),
    section("Evidence", legend(["evidence", "claim", "place", "timex"]), evidenceBox),
  );
  if (mapLibraries() && e.latitude != null) {
    const map = new EventMap(mapBox, { cluster: false, zoom: 6, center: [e.latitude, e.longitude] });
    map.setEvents([e], { fit: false });
  } else {
    append(
      mapBox,
      h("p", { class: "missing" }, e.latitude == null ? "No coordinates." : "Map libraries not installed."),
    );
  }
  const copied = new Set((e.mentions || []).filter((m) => m.copied).map((m) => m.article_id));
  const ids = [...new Set((e.mentions || []).map((m) => m.article_id))];
  const blocks = await Promise.all(
    ids.map((aid) =>
      evidence(e, aid, copied.has(aid)).catch((err) => h("p", { class: "error" }, `${aid}: ${err.message}`)),
    ),
  );
  evidenceBox.replaceChildren(
    ...(blocks.length ? blocks : [h("p", { class: "muted" }, "No stored mentions.")]),
  );
}

function articleMark(span) {
  const mark = document.createElement("mark");
  mark.className = `hl hl-${span.kind}`;
  if (span.kind === "event" && span.ref) {
    mark.title = "open this event";
    mark.tabIndex = 0;
    mark.setAttribute("role", "link");
    mark.dataset.ref = span.ref;
    const go = () => navigate(eventPath(span.ref));
    mark.addEventListener("click", go);
    mark.addEventListener("keydown", (event) => event.key === "Enter" && go());
  }
  return mark;
}

export async function articlePage(root, id) {
  const a = await getJSON(`/api/articles/${encodeURIComponent(id)}`);
  document.title = `${a.title || "Article"} · fieldreport`;
  const source = [
    a.published_source ? `from the ${a.published_source}` : null,
    a.published_precision > 1 ? `to the ${PRECISION[a.published_precision] || a.published_precision}` : null,
  ].filter(Boolean);
  const published = a.published ? `${a.published}${source.length ? ` (${source.join(", ")})` : ""}` : null;
  const events = [...new Set((a.spans || []).filter((s) => s.kind === "event" && s.ref).map((s) => s.ref))];
  append(
    root,
    h(
      "header",
      { class: "page-head" },
      h(
        "p",
        { class: "crumbs" },
        a.story_id
          ? appLink(storyPath(a.story_id), {}, "← Its story")
          : appLink("/events", {}, "← All events"),
      ),
      h("h1", {}, a.title || "Untitled article"),
      h("p", { class: "subtitle" }, [a.outlet, a.author, a.published].filter(Boolean).join(" · ")),
    ),
    section(
      "About this article",
      definitions([
        ["Article id", h("code", {}, a.article_id)],
        ["Outlet", a.outlet],
        ["Author", a.author],
        ["Published", published],
        ["Dateline", a.dateline],
        ["Original", a.url ? externalLink(a.url) : null],
        ["Story", a.story_id ? appLink(storyPath(a.story_id), {}, a.story_id) : null],
        ["Copy of", a.duplicate_of ? appLink(articlePath(a.duplicate_of), {}, a.duplicate_of) : null],
        [
          "Events",
          events.length ? events.map((ref, i) => [i ? ", " : "", appLink(eventPath(ref), {}, ref)]) : null,
        ],
      ]),
    ),
    section(
      "Text",
      legend(["event", "claim", "place", "timex"]),
      highlighted(a.text || "", a.spans || [], articleMark),
    ),
  );
}
