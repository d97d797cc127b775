// The events map: Leaflet over world-atlas country outlines (no tiles, nothing from the
// internet), a circle per event sized by deaths and coloured by event type, clustered when dense.
import { appLink, h } from "./dom.js";

export const TYPE_COLORS = {
  Battles: "#c0392b",
  "Explosions/Remote violence": "#e67e22",
  "Violence against civilians": "#8e44ad",
  Protests: "#2471a3",
  Riots: "#d4477f",
  "Strategic developments": "#1e8449",
};
const OTHER_COLOR = "#6c757d";

export function typeColor(type) {
  return TYPE_COLORS[type] || OTHER_COLOR;
}

/** A small colour dot for an event type (the colour is set through the DOM, not markup). */
export function swatch(type) {
  const dot = h("span", { class: "swatch", "aria-hidden": "true" });
  dot.style.backgroundColor = typeColor(type);
  return dot;
}

/** Leaflet, markercluster and topojson-client come from node_modules; the page works without them. */
export function mapLibraries() {
  return Boolean(window.L && window.topojson);
}

let outlines = null;

/** The world's countries as GeoJSON, fetched once per page. */
function countries() {
  outlines ??= fetch("/vendor/world-atlas/countries-50m.json")
    .then((r) => (r.ok ? r.json() : Promise.reject(new Error(`country outlines: HTTP ${r.status}`))))
    .then((topo) => window.topojson.feature(topo, topo.objects.countries));
  return outlines;
}

export function radius(fatalities) {
  return fatalities ? Math.min(26, 5 + 2.2 * Math.sqrt(fatalities)) : 5;
}

function popup(e) {
  const actors = [e.actor1, e.actor2].filter(Boolean);
  return h(
    "div",
    { class: "popup" },
    h("div", { class: "popup-type" }, swatch(e.event_type), e.sub_event_type || e.event_type || "Event"),
    h(
      "div",
      { class: "popup-meta" },
      [e.event_date || "undated", e.location || e.country].filter(Boolean).join(" · "),
    ),
    actors.length ? h("div", { class: "popup-actors" }, actors.join(" vs ")) : null,
    h(
      "div",
      { class: "popup-deaths" },
      `Deaths: ${e.fatalities ?? "unknown"}${e.injured != null ? ` · Injured: ${e.injured}` : ""}`,
    ),
    appLink(`/event/${encodeURIComponent(e.event_id)}`, { class: "popup-link" }, "Open event →"),
  );
}

function clusterIcon(cluster) {
  const n = cluster.getChildCount();
  const size = n < 10 ? 30 : n < 100 ? 36 : 44;
  const html = h("div", {}, h("span", {}, String(n)));
  return window.L.divIcon({ html, className: "event-cluster", iconSize: window.L.point(size, size) });
}

export class EventMap {
  /** A map in `container`; `cluster` groups dense markers with markercluster. */
  constructor(container, { cluster = true, zoom = 2, center = [28, 25] } = {}) {
    const L = window.L;
    this.map = L.map(container, {
      minZoom: 2,
      maxZoom: 13,
      zoomSnap: 0.5,
      worldCopyJump: false,
      maxBounds: [
        [-85, -200],
        [85, 200],
      ],
      maxBoundsViscosity: 0.8,
    }).setView(center, zoom);
    this.map.attributionControl.setPrefix(false);
    this.map.attributionControl.addAttribution("Boundaries: Natural Earth (world-atlas)");
    countries()
      .then((geo) => {
        const style = { color: "#a9b4c0", weight: 0.6, fillColor: "#f4f1ea", fillOpacity: 1 };
        L.geoJSON(geo, { style, interactive: false, renderer: L.canvas({ padding: 0.5 }) })
          .addTo(this.map)
          .bringToBack();
      })
      .catch((err) => console.warn(err.message));
    const grouped = cluster && L.markerClusterGroup;
    this.layer = grouped
      ? L.markerClusterGroup({
          maxClusterRadius: 36,
          showCoverageOnHover: false,
          spiderfyOnMaxZoom: true,
          iconCreateFunction: clusterIcon,
        })
      : L.featureGroup();
    this.layer.addTo(this.map);
    this.markers = [];
  }

  marker(e) {
    const color = typeColor(e.event_type);
    const m = window.L.circleMarker([e.latitude, e.longitude], {
      radius: radius(e.fatalities),
      color: "#ffffff",
      weight: 1.2,
      fillColor: color,
      fillOpacity: 0.82,
      className: "event-marker",
    });
    m.event = e;
    m.bindPopup(() => popup(e), { maxWidth: 280 });
    m.bindTooltip(() => `${e.event_date || "undated"} · ${e.sub_event_type || ""} · ${e.location || ""}`, {
      direction: "top",
    });
    m.on("add", () => {
      const el = m.getElement();
      if (el) Object.assign(el.dataset, { eventId: e.event_id, lat: e.latitude, lng: e.longitude });
    });
    return m;
  }

  /** Show `events` (those with coordinates); `fit` zooms to them. */
  setEvents(events, { fit = true } = {}) {
    this.layer.clearLayers();
    this.markers = events.filter((e) => e.latitude != null && e.longitude != null).map((e) => this.marker(e));
    if (this.layer.addLayers) this.layer.addLayers(this.markers);
    else for (const m of this.markers) this.layer.addLayer(m);
    if (fit && this.markers.length) {
      const bounds = window.L.latLngBounds(this.markers.map((m) => m.getLatLng()));
      this.map.fitBounds(bounds, { padding: [40, 40], maxZoom: 7, animate: false });
    }
    this.map.getContainer().dataset.markers = String(this.markers.length);
  }

  /** The events on the map as {event_id, lat, lng, event_type}: for tests and the console. */
  positions() {
    return this.markers.map((m) => ({
      event_id: m.event.event_id,
      lat: m.getLatLng().lat,
      lng: m.getLatLng().lng,
      event_type: m.event.event_type,
      location: m.event.location,
    }));
  }

  /** Zoom to the event's marker (out of its cluster) and open its popup. */
  open(eventId) {
    const m = this.markers.find((x) => x.event.event_id === eventId);
    if (!m) return false;
    if (this.layer.zoomToShowLayer) this.layer.zoomToShowLayer(m, () => m.openPopup());
    else m.openPopup();
    return true;
  }

  /** "minlon,minlat,maxlon,maxlat" of the visible area, for the bbox filter. */
  bbox() {
    const b = this.map.getBounds();
    const r = (x) => Math.round(x * 1000) / 1000;
    return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map(r).join(",");
  }

  /** Redraw after the container changed size. */
  resize() {
    this.map.invalidateSize();
  }
}

/** The legend of event types (with counts, when given) as a DOM list. */
export function typeLegend(counts = null) {
  const types = counts ? Object.keys(counts) : Object.keys(TYPE_COLORS);
  return h(
    "ul",
    { class: "legend" },
    types.map((type) =>
      h(
        "li",
        {},
        swatch(type),
        h("span", { class: "legend-label" }, type),
        counts ? h("span", { class: "legend-count" }, String(counts[type])) : null,
      ),
    ),
  );
}
