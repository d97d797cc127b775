// fieldreport dashboard: a small router over the pages of the single-page app.
// Routes: /  /events  (dashboard)   /event/:id   /story/:id   /stories   /article/:id
import { onNavigate } from "./js/api.js";
import { appLink, errorBox, h, replace } from "./js/dom.js";
import { Dashboard } from "./js/dashboard.js";
import { articlePage, eventPage } from "./js/event.js";
import { mapLibraries } from "./js/map.js";
import { storiesPage, storyPage } from "./js/stories.js";
import { timelineLibrary } from "./js/timeline.js";

const view = document.getElementById("view");
let dashboard = null;

const ROUTES = [
  [/^\/(?:events\/?)?$/, null],
  [/^\/event\/([^/]+)$/, eventPage],
  [/^\/story\/([^/]+)$/, storyPage],
  [/^\/article\/([^/]+)$/, articlePage],
  [/^\/stories\/?$/, storiesPage],
];

function setNav(path) {
  for (const a of document.querySelectorAll(".nav a")) {
    const section = a.dataset.section;
    const active = section === "events" ? !path.startsWith("/stor") : path.startsWith("/stor");
    a.classList.toggle("active", active);
  }
}

async function render() {
  const path = window.location.pathname;
  setNav(path);
  const route = ROUTES.find(([re]) => re.test(path));
  if (route && route[1] === null) {
    if (!dashboard) {
      view.replaceChildren();
      view.className = "view view-dashboard";
      dashboard = new Dashboard(view);
    }
    document.title = "Events · fieldreport";
    await dashboard.update();
    return;
  }
  dashboard = null;
  view.className = "view";
  view.replaceChildren();
  view.dataset.status = "loading";
  window.scrollTo(0, 0);
  try {
    if (!route) throw new Error(`no page at ${path}`);
    const id = decodeURIComponent(path.match(route[0])[1] || "");
    await route[1](view, id);
  } catch (err) {
    replace(
      view,
      h("div", { class: "page-head" }, h("p", { class: "crumbs" }, appLink("/events", {}, "← All events"))),
      errorBox(err),
    );
  }
  view.dataset.status = "ready";
}

function banner() {
  if (mapLibraries() && timelineLibrary()) return;
  const el = document.getElementById("banner");
  replace(
    el,
    "The map and timeline libraries are missing: run ",
    h("code", {}, "make install"),
    " (npm ci) for the map libraries.",
  );
  el.hidden = false;
}

for (const a of document.querySelectorAll(".nav a, a.brand")) {
  const path = a.getAttribute("href");
  a.replaceWith(appLink(path, { class: a.className, "data-section": a.dataset.section }, ...a.childNodes));
}
banner();
onNavigate(render);
render();
window.fieldreport = { positions: () => dashboard?.map?.positions() ?? [], dashboard: () => dashboard };
