from __future__ import annotations

import shutil
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from fieldreport.geo.gazetteer import Gazetteer
from fieldreport.geo.imports import ImportReport, import_files
from fieldreport.settings import Config

BAGHUZ_ID = "9990001"


def _row(gid, name, alternates, lat, lon, fclass, fcode, cc, a1, a2="", population=0):
    ascii_name = name
    cols = [gid, name, ascii_name, alternates, str(lat), str(lon), fclass, fcode, cc, "", a1, a2, "", ""]
    cols += [str(population), "", "180", "Asia/Damascus", "2024-01-01"]
    assert len(cols) == 19
    return "\t".join(cols) + "\n"


GEONAMES_LINES = [
    _row(BAGHUZ_ID, "Al Baghuz Fawqani", "Baghuz,Baghouz", 34.4603, 40.9408, "P", "PPL", "SY", "07"),
    _row("9990002", "Tell Invented Farm", "", 34.5, 40.5, "S", "FRM", "SY", "07"),  # no pop, no alt: dropped
    _row("9990003", "Jabal Invented", "Invented Mountain", 34.6, 40.6, "T", "MT", "SY", "07"),
    _row("9990004", "Road Invented", "Invented Road", 34.7, 40.7, "R", "RD", "SY", "07"),  # class R: dropped
    # the bundled country (same GeoNames id) takes the dump's point
    _row("163843", "Syria", "Syrie", 34.8, 38.9, "A", "PCLI", "SY", "00", population=22933531),
]
ZIP_LINE = _row("9990010", "Zipville Invented", "Zipton", 36.1, 41.1, "P", "PPL", "SY", "99")


@pytest.fixture
def gaz(tmp_path: Path, gazetteer_path: str) -> Iterator[Gazetteer]:
    Gazetteer.load(Config().with_overrides({"gazetteer_path": gazetteer_path})).close()
    copy = tmp_path / "gaz.sqlite"
    shutil.copy(gazetteer_path, copy)
    g = Gazetteer(copy)
    yield g
    g.close()


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    d = tmp_path / "in"
    d.mkdir()
    out = {}
    out["admin1"] = d / "admin1CodesASCII.txt"
    # an admin code not in the bundled gazetteer, to show the code file is used
    out["admin1"].write_text(
        "SY.07\tDeir ez-Zor\tDeir ez-Zor\t170792\nSY.99\tInvented Gov\tInvented Gov\t1\n"
    )
    out["main"] = d / "SY.txt"
    bad = "9990099\tBroken\tonly a few columns\n"
    out["main"].write_text("".join(GEONAMES_LINES[:2]) + bad + "".join(GEONAMES_LINES[2:]), encoding="utf-8")
    out["zip"] = d / "IQ.zip"
    with zipfile.ZipFile(out["zip"], "w") as zf:
        zf.writestr("IQ.txt", ZIP_LINE)
        zf.writestr("readme.txt", "not data\n")
    out["alt"] = d / "alternateNamesV2.txt"
    out["alt"].write_text(
        f"1\t{BAGHUZ_ID}\ten\tBaghouz al-Fouqani\t1\t\t\t\t\t\n"
        f"2\t{BAGHUZ_ID}\tlink\thttps://example.org/Baghuz\t\t\t\t\t\t\n"
        f"3\t{BAGHUZ_ID}\tar\tالباغوز فوقاني\t\t\t\t\t\t\n"
        "4\t123456789\ten\tNowhere Alias\t\t\t\t\t\t\n",
        encoding="utf-8",
    )
    out["acled"] = d / "acled_export.csv"
    out["acled"].write_text(
        "EVENT_ID_CNTY,COUNTRY,ADMIN1,ADMIN2,LOCATION,LATITUDE,LONGITUDE\n"
        "SYR1,Syria,Deir-ez-Zor,,Invented Acledtown,34.91,40.55\n"
        "SYR2,Syria,Deir-ez-Zor,,Invented Acledtown,34.91,40.55\n"
        "SYR3,Syria,Deir-ez-Zor,,Invented Acledtown,north,40.55\n"
    )
    out["ucdp"] = d / "ged.csv"
    out["ucdp"].write_text(
        "id,country,adm_1,adm_2,where_coordinates,where_prec,latitude,longitude\n"
        "1,Syria,Dayr az Zawr governorate,,Invented Ucdpburg village (near Hajin),1,34.8,40.8\n"
        "2,Syria,Dayr az Zawr governorate,,Dayr az Zawr governorate,4,35.0,40.4\n"
    )
    out["user"] = d / "places.csv"
    out["user"].write_text(
        "name, alternate_names, latitude, longitude, country_code, admin1, admin2, feature\n"
        "Invented Userplace, Userplatz;Userplaats|Userville, 35.5, 41.5, sy, Deir ez-Zor, , PPLX\n"
        "Too, Few, Columns\n"
    )
    return out


def test_import_all_formats(gaz: Gazetteer, files: dict[str, Path]) -> None:
    before = len(gaz)
    # admin codes and alternate names are passed out of order on purpose
    order = ["alt", "main", "zip", "acled", "ucdp", "user", "admin1"]
    report = import_files(gaz, [files[k] for k in order])
    assert isinstance(report, ImportReport)
    assert report.by_file == {
        str(files["alt"]): 1,  # Baghuz got an alias
        str(files["main"]): 3,  # Baghuz, Jabal Invented, Syria's new point
        str(files["zip"]): 1,
        str(files["acled"]): 1,  # one distinct location
        str(files["ucdp"]): 1,  # the governorate-precision row is skipped
        str(files["user"]): 1,
        str(files["admin1"]): 0,
    }
    assert report.added == 8
    assert len(gaz) == before + 6
    assert sorted(report.rejected) == sorted(
        [
            (str(files["main"]), "malformed_row: line 3: expected 19 tab-separated columns, got 3"),
            (str(files["acled"]), "bad_coordinates: line 4: could not convert string to float: 'north'"),
            (str(files["user"]), "malformed_row: line 3: expected 8 comma-separated columns, got 3"),
        ]
    )

    [village] = gaz.lookup("Baghouz")
    assert village.gazetteer_id == f"geonames:{BAGHUZ_ID}"
    assert (village.name, village.country_code, village.admin1, village.feature) == (
        "Al Baghuz Fawqani",
        "SY",
        "Deir ez-Zor",
        "PPL",
    )
    assert (village.latitude, village.longitude) == (34.4603, 40.9408)
    assert f"geonames:{BAGHUZ_ID}" in {e.gazetteer_id for e in gaz.lookup("Baghouz al-Fouqani", fuzzy=False)}
    assert gaz.lookup("Invented Mountain")[0].feature == "MT"
    assert not gaz.lookup("Tell Invented Farm", fuzzy=False)
    assert not gaz.lookup("Road Invented", fuzzy=False)
    syria = gaz.country("SY")
    assert syria is not None and syria.gazetteer_id == "geonames:163843" and syria.code == "SY"
    assert (syria.latitude, syria.longitude, syria.feature) == (34.8, 38.9, "PCLI")
    assert gaz.lookup("Syrie")[0].gazetteer_id == "geonames:163843"
    assert not gaz.lookup("Nowhere Alias", fuzzy=False)

    zipped = gaz.get("geonames:9990010")
    assert zipped is not None and zipped.admin1 == "Invented Gov"  # from the code file
    assert gaz.lookup("Zipton")[0].gazetteer_id == "geonames:9990010"

    [acled] = gaz.lookup("Invented Acledtown", fuzzy=False)
    assert acled.gazetteer_id.startswith("acled:")
    assert (acled.country_code, acled.admin1, acled.feature) == ("SY", "Deir ez-Zor", "PPL")

    [ucdp] = gaz.lookup("Invented Ucdpburg", fuzzy=False)
    assert ucdp.gazetteer_id.startswith("ucdp:") and ucdp.name == "Invented Ucdpburg"
    assert (ucdp.country_code, ucdp.admin1, ucdp.latitude) == ("SY", "Deir ez-Zor", 34.8)
    assert not gaz.lookup("Dayr az Zawr governorate village", fuzzy=False)

    [user] = gaz.lookup("Userplaats", fuzzy=False)
    assert user.gazetteer_id.startswith("user:") and user.name == "Invented Userplace"
    assert (user.country_code, user.admin1, user.admin2, user.feature) == ("SY", "Deir ez-Zor", None, "PPLX")
    assert gaz.lookup("Userville", fuzzy=False) and gaz.lookup("Userplatz", fuzzy=False)

    again = import_files(gaz, [files[k] for k in order])
    assert again.added == 0
    assert set(again.by_file.values()) == {0}
    assert len(gaz) == before + 6


def test_geonames_zip_and_admin_names_from_gazetteer(
    gaz: Gazetteer, files: dict[str, Path], tmp_path: Path
) -> None:
    # no admin code file: SY.07 is named from the gazetteer's own admin entry with that code
    z = tmp_path / "SY.zip"
    with zipfile.ZipFile(z, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("SY.txt", "".join(GEONAMES_LINES) + ZIP_LINE)
    report = import_files(gaz, [z])
    assert report.rejected == []
    assert report.by_file == {str(z): 4}
    assert gaz.lookup("Baghouz")[0].admin1 == "Deir ez-Zor"
    assert gaz.get("geonames:9990010").admin1 is None  # SY.99 is unknown without the code file


def test_unreadable_and_unknown_files_do_not_abort(
    gaz: Gazetteer, files: dict[str, Path], tmp_path: Path
) -> None:
    missing = tmp_path / "nope.txt"
    junk = tmp_path / "notes.csv"
    junk.write_text("a,b\n1,2\n")
    broken_zip = tmp_path / "allCountries.zip"
    broken_zip.write_bytes(b"PK\x03\x04 truncated")
    report = import_files(gaz, [missing, junk, broken_zip, files["user"]])
    assert report.by_file[str(files["user"])] == 1
    reasons = {origin: reason.split(":")[0] for origin, reason in report.rejected}
    assert reasons[str(missing)] == "unreadable_file"
    assert reasons[str(junk)] == "unknown_format"
    assert reasons[str(broken_zip)] in {"unreadable_file", "unknown_format"}


def test_user_csv_change_is_applied(gaz: Gazetteer, tmp_path: Path) -> None:
    f = tmp_path / "mine.csv"
    f.write_text(
        "name,alternate_names,latitude,longitude,country_code,admin1,admin2,feature\nMy Camp,,1.5,2.5,,,,\n"
    )
    assert import_files(gaz, [f]).added == 1
    assert import_files(gaz, [f]).added == 0
    f.write_text(
        "name,alternate_names,latitude,longitude,country_code,admin1,admin2,feature\n"
        "My Camp,Camp Mine,1.5,2.5,,,,\n"
    )
    assert import_files(gaz, [f]).added == 1  # a new alias on the same id
    [e] = gaz.lookup("Camp Mine", fuzzy=False)
    assert e.name == "My Camp" and e.feature == "PPL" and e.country_code is None
