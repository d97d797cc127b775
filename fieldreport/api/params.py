"""Query parameters of the API, with the titles and descriptions /docs shows."""

from __future__ import annotations

from typing import Annotated

from fastapi import Query

from .query import SORTS

Start = Annotated[
    str | None, Query(title="From date", description="Events on or after this day (YYYY-MM-DD).")
]
End = Annotated[str | None, Query(title="To date", description="Events on or before this day (YYYY-MM-DD).")]
EventType = Annotated[
    list[str] | None,
    Query(title="Event type", description="ACLED event type, exact; repeat for any of several."),
]
SubEventType = Annotated[
    list[str] | None,
    Query(title="Sub-event type", description="ACLED sub-event type, exact; repeat for any of several."),
]
Actor = Annotated[
    str | None,
    Query(title="Actor", description="Part of actor1's or actor2's name, case-insensitive."),
]
Country = Annotated[
    str | None,
    Query(title="Country", description="ISO 3166-1 alpha-2 code or country name, case-insensitive."),
]
Admin1 = Annotated[
    str | None, Query(title="Admin 1", description="First-level administrative area, case-insensitive.")
]
BBox = Annotated[
    str | None,
    Query(
        title="Bounding box",
        description="minlon,minlat,maxlon,maxlat in degrees; minlon > maxlon crosses the antimeridian.",
    ),
]
EventScope = Annotated[
    str | None,
    Query(
        title="Scope",
        description="all (the default), or political: only events in ACLED's scope (political violence, "
        "demonstrations, strategic developments), without violence outside war such as a criminal "
        "shooting. Each event's `political` field says which it is.",
    ),
]
StoryId = Annotated[str | None, Query(title="Story", description="Only the events of this story_id.")]
Search = Annotated[
    str | None,
    Query(
        title="Search",
        description="Words that must each appear (case-insensitive substring) in the notes, location, "
        "actors or an evidence sentence (for articles: title, outlet, URL or text).",
    ),
]
Sort = Annotated[
    str,
    Query(
        title="Sort",
        description=f"One of {', '.join(SORTS)}; prefix with - for descending. Ties go by event_id.",
    ),
]
Limit = Annotated[int, Query(ge=1, le=1000, title="Limit", description="Items per page (1 to 1000).")]
Offset = Annotated[int, Query(ge=0, title="Offset", description="Items to skip.")]
