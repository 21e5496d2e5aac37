"""Contract library search over 5,000 live clauses. Budget (DESIGN.md): library search
<= 50 ms. Figures are printed, never asserted.

    .venv/bin/python bench/contracts_search.py

Uses its own PostgreSQL database uh_bench_contracts on the server DATABASE_URL names. The
clauses are created once (a few minutes) and reused on later runs.
"""

import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from _common import setup_django  # noqa: E402

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "unionhall.settings.test")

CLAUSES = 5_000
RUNS = 40
QUERIES = ["judicial warrant", "no-match letter", "leave hearing", "seniority", "training paid"]
WORDS = [
    "employer",
    "union",
    "employee",
    "warrant",
    "judicial",
    "agent",
    "inspection",
    "notice",
    "hours",
    "leave",
    "hearing",
    "seniority",
    "reinstatement",
    "training",
    "paid",
    "language",
    "discrimination",
    "record",
    "records",
    "letter",
    "verification",
    "successor",
    "contractor",
    "grievance",
    "arbitration",
    "steward",
    "shift",
    "wage",
    "benefit",
    "schedule",
    "posting",
    "orientation",
    "detention",
    "authorization",
    "permit",
    "confidential",
    "payroll",
]


def setup_clauses():
    from contracts.models import ClauseCategory, ContractClausePage
    from demo.contracts import seed_library
    from demo.pages import seed_pages

    home = seed_pages()
    library, _demo = seed_library(home)
    have = ContractClausePage.objects.filter(slug__startswith="search-bench-").count()
    if have >= CLAUSES:
        return library
    rng = random.Random(7)
    # Real clauses share a few words ("the Employer shall") and differ in the rest: each body
    # is common filler, four topic words and pseudo-words from a large vocabulary, so a
    # two-word query matches about 1% of clauses and a one-word query about 10%.
    vocabulary = [f"{a}{b}{c}an" for a in "bdfgklmnprstvz" for b in "aeiou" for c in "lmnrst"]
    categories = list(ClauseCategory.objects.all())
    strengths = ["strong", "standard", "minimal"]
    started = time.perf_counter()
    for n in range(have, CLAUSES):
        words = rng.sample(WORDS, 4) + [rng.choice(vocabulary) for _ in range(50)]
        rng.shuffle(words)
        text = "The Employer shall " + " ".join(words) + "."
        page = ContractClausePage(
            slug=f"search-bench-{n:05d}",
            title=" ".join(rng.choice(vocabulary) for _ in range(5)).capitalize(),
            number=f"S-{n:05d}",
            category=rng.choice(categories),
            strength=rng.choice(strengths),
            summary=" ".join(rng.choice(vocabulary) for _ in range(20)),
            body=[{"type": "section", "value": text}],
            live=True,
        )
        library.add_child(instance=page)
        if n % 500 == 0:
            print(f"  created {n} clauses ({time.perf_counter() - started:.0f} s)", flush=True)
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return library


def percentile(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def report(name, times):
    ms = [t * 1000 for t in times]
    print(
        f"  {name:38} p50 {statistics.median(ms):7.1f} ms   p95 {percentile(ms, 95):7.1f} ms"
        f"   (budget 50 ms, n={len(ms)})"
    )


def main() -> int:
    setup_django("uh_bench_contracts")
    from django.test import Client

    from contracts import selectors
    from contracts.models import ContractClausePage
    from documents.search import library_changed

    setup_clauses()
    live = ContractClausePage.objects.live().filter(locale__language_code="en").count()
    print(f"library: {live} live English clauses")

    def run(function):
        times = []
        for i in range(RUNS):
            query = QUERIES[i % len(QUERIES)]
            started = time.perf_counter()
            function(query)
            times.append(time.perf_counter() - started)
        return times

    selectors.library(language="en", query=QUERIES[0])  # warm the connection and plans

    def cold(**kwargs):
        # A new cache version: the query is ranked by PostgreSQL every time.
        return lambda q: (
            library_changed(),
            selectors.library(language="en", query=q, **kwargs),
        )

    report("search, cold (ranked every time)", run(cold()))
    report(
        "search + category + strength, cold",
        run(cold(category="immigration-leave", strength="strong")),
    )
    report(
        "worst case, cold: a word in every clause",
        run(lambda q: cold()("employer")),
    )
    library_changed()
    report("search, cached ranked ids", run(lambda q: selectors.library(language="en", query=q)))
    report("filters only (selector)", run(lambda q: selectors.library(language="en")))
    client = Client(HTTP_HOST="localhost")
    report(
        "/contract-language/?q= (whole page)",
        run(lambda q: client.get("/contract-language/", {"q": q})),
    )
    report("/search/?q= (site search)", run(lambda q: client.get("/search/", {"q": q})))
    return 0


if __name__ == "__main__":
    sys.exit(main())
