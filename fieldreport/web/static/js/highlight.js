// Article text with evidence spans marked. The text goes into text nodes and the spans become
// <mark> elements cut out of it by offset, so the article can never inject markup.

/** Python's offsets count code points; JavaScript strings index UTF-16 code units. */
function unitOffsets(text) {
  if (!/[\uD800-\uDFFF]/.test(text)) return (i) => i;
  const units = [];
  let unit = 0;
  for (const ch of text) {
    units.push(unit);
    unit += ch.length;
  }
  units.push(unit);
  return (i) => units[Math.max(0, Math.min(i, units.length - 1))];
}

const KIND_ORDER = { evidence: 0, event: 1, claim: 2, place: 3, timex: 4 };

function build(parent, text, from, to, items, decorate) {
  let pos = from;
  let i = 0;
  while (i < items.length) {
    const top = items[i];
    const start = Math.max(top.s, pos);
    const end = Math.min(top.e, to);
    let j = i + 1;
    while (j < items.length && items[j].s < end) j += 1;
    const inner = items.slice(i + 1, j);
    i = j;
    if (start >= end) continue;
    if (start > pos) parent.append(text.slice(pos, start));
    const el = decorate(top);
    build(el, text, start, end, inner, decorate);
    parent.append(el);
    pos = end;
  }
  if (pos < to) parent.append(text.slice(pos, to));
}

/**
 * A <div class="article-text"> holding `text` with `spans` ({start, end, kind, ...}) wrapped in
 * the elements `decorate(span)` makes (a <mark> by default). Nested spans nest; a span that
 * crosses the end of an enclosing one is cut there.
 */
export function highlighted(text, spans, decorate = defaultMark) {
  const toUnit = unitOffsets(text);
  const items = spans
    .map((span) => ({ ...span, s: toUnit(span.start), e: toUnit(span.end) }))
    .filter((span) => Number.isFinite(span.s) && Number.isFinite(span.e) && span.e > span.s && span.s >= 0)
    .sort((a, b) => a.s - b.s || b.e - a.e || (KIND_ORDER[a.kind] ?? 9) - (KIND_ORDER[b.kind] ?? 9));
  const div = document.createElement("div");
  div.className = "article-text";
  build(div, text, 0, text.length, items, decorate);
  return div;
}

export function defaultMark(span) {
  const mark = document.createElement("mark");
  mark.className = `hl hl-${span.kind}`;
  if (span.title) mark.title = span.title;
  return mark;
}

export const LEGEND = [
  ["evidence", "sentence reporting this event"],
  ["event", "event report"],
  ["claim", "casualty claim"],
  ["place", "place"],
  ["timex", "date or time"],
];

/** A small legend of the mark kinds in `kinds`. */
export function legend(kinds) {
  const ul = document.createElement("ul");
  ul.className = "hl-legend";
  for (const [kind, label] of LEGEND.filter(([k]) => kinds.includes(k))) {
    const li = document.createElement("li");
    const mark = document.createElement("mark");
    mark.className = `hl hl-${kind}`;
    mark.textContent = label;
    li.append(mark);
    ul.append(li);
  }
  return ul;
}
