"""A steward's 2-page resolution PDF, warm: the real print path (documents + WeasyPrint).

Budget: <= 0.5 s per PDF once the process is warm. The adaptation, local and page are
unsaved objects built from the demo's first model resolution; the database (its own,
uh_bench_resolutions, created on the server of DATABASE_URL) only answers content types.

    .venv/bin/python bench/resolutions_pdf.py
"""

import io
import statistics
import time

from _common import setup_django  # noqa: E402

setup_django("uh_bench_resolutions")

from pypdf import PdfReader  # noqa: E402
from wagtail.models import Locale  # noqa: E402

from demo.resolutions import EN, RESOLUTIONS, body, variables  # noqa: E402
from documents.engine import Answers, RenderedBlock, choices_in, render_text  # noqa: E402
from resolutions.models import Adaptation, ResolutionPage  # noqa: E402
from resolutions.printing import adaptation_pdf  # noqa: E402
from unions.models import Affiliation, Local  # noqa: E402

BUDGET = 0.5
RUNS = 20


def two_page_adaptation() -> Adaptation:
    spec = RESOLUTIONS[0]
    page = ResolutionPage(
        title=spec["title"][EN],
        number=spec["number"],
        variables=variables(spec, EN),
        body=body(spec, EN),
    )
    page.locale = Locale(language_code="en")
    local = Local(
        affiliation=Affiliation(name="United Hospital and Care Workers", short_name="UHCW"),
        number="1017",
        name="Harbor Valley Hospital Workers",
        city="Port Alder",
    )
    answers = Answers(
        values={
            "local_name": "UHCW Local 1017",
            "employer": "Harbor Valley Medical Center",
            "union_contact": "the chief steward on duty",
            "meeting_date": "2027-02-03",
        },
        optional={c.id: True for c in choices_in(page.body) if c.kind == "optional"},
    )
    blocks = render_text(page.body, answers, variables=page.variables).blocks
    # Members' floor language added to the model's: a resolution that runs onto a second page.
    extra = [
        RenderedBlock(
            key=f"x{n}",
            kind="resolved",
            text=(
                "RESOLVED that UHCW Local 1017 will report to the membership at every meeting on "
                "what Harbor Valley Medical Center has done to carry out this resolution, and "
                "that stewards will keep a written record of every visit by any agency;"
            ),
        )
        for n in range(6)
    ]
    adaptation = Adaptation(resolution=page, local=local)
    adaptation.adapted_body = [b.to_dict() for b in [*blocks[:-1], *extra, blocks[-1]]]
    return adaptation


def main() -> None:
    adaptation = two_page_adaptation()
    for _ in range(3):
        pdf = adaptation_pdf(adaptation)
    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        adaptation_pdf(adaptation)
        times.append(time.perf_counter() - start)
    times.sort()
    p95 = times[int(len(times) * 0.95) - 1]
    print(f"resolution PDF: {pages} pages, {len(pdf) // 1024} KiB, {RUNS} warm runs")
    print(
        f"  median {statistics.median(times):.3f} s   p95 {p95:.3f} s   max {times[-1]:.3f} s"
        f"   (budget <= {BUDGET:.1f} s warm)"
    )


if __name__ == "__main__":
    main()
