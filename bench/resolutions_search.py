"""Library search at the 95th percentile over 1,000 model resolutions (budget <= 50 ms).

Sets up its own database (uh_bench_resolutions on the server of DATABASE_URL) with 1,000
live resolutions the first time, then times the library's search (PostgreSQL full-text
over Wagtail's index entries) with and without its cache of ranked ids, and the whole
/resolutions/?q= page through Django.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/unionhall \\
        .venv/bin/python bench/resolutions_search.py
"""

import random
import statistics
import time

from _common import setup_django  # noqa: E402

setup_django("uh_bench_resolutions")

from django.test import Client  # noqa: E402
from django.utils import translation  # noqa: E402

from demo.pages import child_page, seed_pages  # noqa: E402
from demo.resolutions import EN, RESOLUTIONS, fields  # noqa: E402
from documents.search import library_changed  # noqa: E402
from resolutions.models import ResolutionIndexPage, ResolutionPage  # noqa: E402
from resolutions.selectors import library  # noqa: E402

TARGET = 1000
BUDGET_MS = 50
QUERIES = [
    "warrant",
    "sanctuary team",
    "day of action",
    "detained coworkers",
    "police",
    "hardship fund",
    "immigration agents",
    "ordinance",
    "phone tree",
    "deported",
    "know your rights",
    "release time",
    "no work no school",
    "grievance",
    "employer policy",
]
PLACES = ["Port Alder", "Mesa Verde", "Lakeshore", "Riverbend", "Cedar Plains", "Harbor Valley"]
THEMES = ["warehouse", "hospital", "grocery", "janitorial", "nursing home", "transit", "school"]


def populate() -> ResolutionIndexPage:
    home = seed_pages()
    index = child_page(home, ResolutionIndexPage, slug="resolutions", title="Model resolutions")
    have = ResolutionPage.objects.child_of(index).count()
    rng = random.Random(have)
    for n in range(have, TARGET):
        spec = RESOLUTIONS[n % len(RESOLUTIONS)]
        data = fields(spec, EN)
        place, theme = rng.choice(PLACES), rng.choice(THEMES)
        data["title"] = f"{data['title']} ({theme}, {place}) #{n}"
        data["summary"] = f"{data['summary']} For {theme} workers in {place}."
        # No revisions: 1,000 pages are set up once; saving a live page indexes it for search.
        page = ResolutionPage(slug=f"bench-{n}", number=f"B-{n:04d}", live=True, **data)
        index.add_child(instance=page)
        if (n + 1) % 200 == 0:
            print(f"  created {n + 1} resolutions", flush=True)
    if have < TARGET:
        # What autovacuum would do on a live site after a bulk load: fresh planner statistics.
        from django.db import connection

        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return index


def percentile(values, share):
    ordered = sorted(values)
    return ordered[max(0, int(round(share * len(ordered))) - 1)]


def timed(func, runs):
    times = []
    for i in range(runs):
        start = time.perf_counter()
        func(QUERIES[i % len(QUERIES)])
        times.append((time.perf_counter() - start) * 1000)
    return times


def report(label, times):
    print(
        f"  {label}: median {statistics.median(times):.1f} ms"
        f"   p95 {percentile(times, 0.95):.1f} ms   max {max(times):.1f} ms"
        f"   (budget p95 <= {BUDGET_MS} ms)"
    )


def main() -> None:
    translation.activate("en")
    populate()
    total = ResolutionPage.objects.live().count()
    client = Client(HTTP_HOST="localhost")

    def search(query):
        return library(language="en", query=query)

    def page(query):
        response = client.get("/resolutions/", {"q": query})
        assert response.status_code == 200

    def search_cold(query):
        library_changed()  # forget cached searches: PostgreSQL answers every time
        return library(language="en", query=query)

    timed(search_cold, 30)  # warm the connection and the plan cache
    timed(page, 15)
    print(f"library search over {total} live resolutions, {len(QUERIES)} different queries")
    report("library() selector, uncached ", timed(search_cold, 300))
    report("library() selector, cached ids", timed(search, 300))
    report("whole page /resolutions/?q=, cached ids", timed(page, 150))


if __name__ == "__main__":
    main()
