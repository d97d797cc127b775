// The timeline: events per day, week or month as SVG bars, with a d3 brush that selects the
// date range. Brushing reports {start, end} (inclusive days, "YYYY-MM-DD") or null when cleared.

const HEIGHT = 150;
const MARGIN = { top: 12, right: 18, bottom: 26, left: 38 };

export function timelineLibrary() {
  return Boolean(window.d3);
}

function parseDay(value) {
  const s = String(value).slice(0, 10);
  return window.d3.utcParse("%Y-%m-%d")(s.length === 7 ? `${s}-01` : s);
}

export const formatDay = (date) => window.d3.utcFormat("%Y-%m-%d")(date);

export class Timeline {
  /** A timeline in `container`; `onBrush({start, end} | null)` after each brush gesture. */
  constructor(container, { onBrush }) {
    this.container = container;
    this.onBrush = onBrush;
    this.bins = [];
    this.range = null;
    this.svg = window.d3
      .select(container)
      .append("svg")
      .attr("class", "timeline-svg")
      .attr("height", HEIGHT)
      .attr("role", "img")
      .attr("aria-label", "Events over time; drag to select a date range");
    this.width = 0;
    new ResizeObserver(() => {
      if (container.clientWidth !== this.width) this.draw();
    }).observe(container);
  }

  /** `bins` are the API's daily {date, events, fatalities}; `range` the current {start, end}. */
  setData(bins, range) {
    this.bins = bins
      .filter((b) => b.date)
      .map((b) => ({ ...b, day: parseDay(b.date) }))
      .filter((b) => b.day);
    this.range = range;
    this.draw();
  }

  /** The bin size that keeps the bars readable for the span of the data. */
  interval(days) {
    const d3 = window.d3;
    return days <= 120 ? d3.utcDay : days <= 3 * 365 ? d3.utcWeek : d3.utcMonth;
  }

  draw() {
    const d3 = window.d3;
    this.width = this.container.clientWidth;
    const width = Math.max(this.width, 320);
    this.svg.attr("width", width).attr("viewBox", `0 0 ${width} ${HEIGHT}`);
    this.svg.selectAll("*").remove();
    this.container.dataset.bins = String(this.bins.length);
    if (!this.bins.length) {
      this.svg
        .append("text")
        .attr("class", "timeline-empty")
        .attr("x", width / 2)
        .attr("y", HEIGHT / 2)
        .attr("text-anchor", "middle")
        .text("No dated events match these filters");
      return;
    }
    const [first, last] = d3.extent(this.bins, (b) => b.day);
    const interval = this.interval(d3.utcDay.count(first, last) + 1);
    const counts = d3.rollups(
      this.bins,
      (v) => ({ events: d3.sum(v, (b) => b.events), fatalities: d3.sum(v, (b) => b.fatalities || 0) }),
      (b) => +interval.floor(b.day),
    );
    const bars = counts.map(([t, v]) => ({ t0: new Date(t), t1: interval.offset(new Date(t), 1), ...v }));
    const x = d3
      .scaleUtc()
      .domain([interval.floor(first), interval.offset(interval.floor(last), 1)])
      .range([MARGIN.left, width - MARGIN.right]);
    const y = d3
      .scaleLinear()
      .domain([0, d3.max(bars, (b) => b.events)])
      .nice()
      .range([HEIGHT - MARGIN.bottom, MARGIN.top]);
    this.x = x;

    this.svg
      .append("g")
      .attr("class", "axis axis-y")
      .attr("transform", `translate(${MARGIN.left},0)`)
      .call(
        d3
          .axisLeft(y)
          .ticks(3)
          .tickFormat(d3.format("d"))
          .tickSize(-(width - MARGIN.left - MARGIN.right)),
      )
      .call((g) => g.select(".domain").remove());
    const rects = this.svg
      .append("g")
      .attr("class", "bars")
      .selectAll("rect")
      .data(bars)
      .join("rect")
      .attr("x", (b) => x(b.t0) + 0.5)
      .attr("width", (b) => Math.max(1.5, x(b.t1) - x(b.t0) - 1))
      .attr("y", (b) => y(b.events))
      .attr("height", (b) => y(0) - y(b.events));
    rects.append("title").text((b) => `${formatDay(b.t0)}: ${b.events} events, ${b.fatalities} deaths`);
    this.svg
      .append("g")
      .attr("class", "axis axis-x")
      .attr("transform", `translate(0,${HEIGHT - MARGIN.bottom})`)
      .call(
        d3
          .axisBottom(x)
          .ticks(Math.max(2, Math.floor(width / 110)))
          .tickSizeOuter(0),
      );

    const shade = (sel) => {
      rects.classed("selected", (b) => (sel ? b.t1 > sel[0] && b.t0 < sel[1] : true));
    };
    const brush = d3
      .brushX()
      .extent([
        [MARGIN.left, MARGIN.top - 4],
        [width - MARGIN.right, HEIGHT - MARGIN.bottom],
      ])
      .on("brush", (event) => shade(event.selection && event.selection.map(x.invert)))
      .on("end", (event) => this.ended(event));
    const g = this.svg.append("g").attr("class", "brush").call(brush);
    const sel = this.selection();
    if (sel) {
      const [px0, px1] = sel.map(x).map((p) => Math.max(MARGIN.left, Math.min(width - MARGIN.right, p)));
      if (px1 > px0) g.call(brush.move, [px0, px1]);
    }
    shade(sel);
  }

  /** The URL's date range as [start, day after end] dates, or null. */
  selection() {
    const d3 = window.d3;
    if (!this.range || (!this.range.start && !this.range.end)) return null;
    const [lo, hi] = this.x.domain();
    const start = this.range.start ? parseDay(this.range.start) : lo;
    const end = this.range.end ? d3.utcDay.offset(parseDay(this.range.end), 1) : hi;
    return start && end ? [start, end] : null;
  }

  ended(event) {
    if (!event.sourceEvent) return; // moved by draw(), not by the reader
    if (!event.selection) {
      this.onBrush(null);
      return;
    }
    const d3 = window.d3;
    const [d0, d1] = event.selection.map(this.x.invert);
    const start = d3.utcDay.round(d0);
    let end = d3.utcDay.offset(d3.utcDay.round(d1), -1);
    if (end < start) end = start;
    this.onBrush({ start: formatDay(start), end: formatDay(end) });
  }
}
