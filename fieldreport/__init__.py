"""fieldreport: news reports of armed conflict in, a sourced, geolocated, dated event dataset out."""

__version__ = "0.1.0"
