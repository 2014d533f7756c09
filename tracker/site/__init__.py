"""The ledger as a static site: plain HTML pages with inline SVG charts, no server."""

from tracker.site.build import SiteSummary, build_site

__all__ = ["SiteSummary", "build_site"]
