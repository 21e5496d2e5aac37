"""Contract language: the PDF (and DOCX) of a 20-clause bargaining proposal, with numbered
articles and a table of contents. DESIGN.md sets no budget for proposals; the nearest is
"a 2-page resolution in <= 0.5 s warm", so the time per page is printed next to it.
Figures are printed, never asserted.

    .venv/bin/python bench/contracts_proposal_pdf.py

Uses its own PostgreSQL database uh_bench_contracts on the server DATABASE_URL names. The
clauses and the proposal are created once and reused on later runs.
"""

import os
import resource
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from _common import setup_django  # noqa: E402

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "unionhall.settings.test")

CLAUSES = 20
WARM_RUNS = 5
TITLE = "Bench: twenty-article proposal"


def setup_proposal():
    """A library of 20 clauses (the demo's texts, cycled) and a proposal holding them all."""
    from django.utils import timezone

    from contracts.assembly import shared_variables
    from contracts.models import BargainingProposal, ClauseCategory, ContractClausePage
    from demo.contracts import CLAUSES as SPECS
    from demo.contracts import seed_library, stream_body, stream_variables
    from demo.pages import child_page, seed_pages, seed_unions
    from documents.engine import Answers
    from documents.variables import profile_values
    from unions.models import Local, Workplace

    existing = BargainingProposal.objects.filter(title=TITLE).first()
    if existing is not None and existing.items.count() == CLAUSES:
        return existing
    home = seed_pages()
    seed_unions()
    library, _demo = seed_library(home)
    categories = {c.slug: c for c in ClauseCategory.objects.all()}
    pages = []
    for n in range(CLAUSES):
        spec = SPECS[n % len(SPECS)]
        number = f"B-{n + 1:02d}"
        pages.append(
            child_page(
                library,
                ContractClausePage,
                slug=f"bench-clause-{n + 1:02d}",
                title=f"{spec['title'][0]} ({number})",
                number=number,
                category=categories[spec["category"]],
                strength=spec["strength"],
                summary=spec["summary"][0],
                variables=stream_variables(spec["variables"], 0, number),
                body=stream_body(spec["body"], 0, number),
            )
        )
    local = Local.objects.get(number="412")
    workplace = Workplace.objects.filter(local=local).first()
    variables = shared_variables(pages)
    values = {v.name: v.default for v in variables if v.default}
    values.update(profile_values(variables, local=local, employer=workplace.employer))
    BargainingProposal.objects.filter(title=TITLE).delete()
    proposal = BargainingProposal.objects.create(
        local=local,
        workplace=workplace,
        employer=workplace.employer,
        title=TITLE,
        language="en",
        answers=Answers(values=values).to_dict(),
        drafted_on=timezone.localdate(),
    )
    for position, page in enumerate(pages, start=1):
        proposal.items.create(clause=page, clause_key=page.translation_key, position=position)
    return proposal


def timed(function, runs: int) -> tuple[list[float], object]:
    times, result = [], None
    for _ in range(runs):
        started = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - started)
    return times, result


def main() -> int:
    setup_django("uh_bench_contracts")

    import io

    from pypdf import PdfReader

    from contracts import selectors
    from contracts.printing import proposal_docx, proposal_kwargs, proposal_pdf
    from documents.printing import render_document_html

    proposal = setup_proposal()
    clauses = [item.clause for item in selectors.proposal_clauses(proposal)]

    cold, pdf = timed(lambda: proposal_pdf(proposal, clauses=clauses), 1)
    warm, pdf = timed(lambda: proposal_pdf(proposal, clauses=clauses), WARM_RUNS)
    # Everything the request does: the clauses read from the database and filled again.
    full, _ = timed(lambda: proposal_pdf(proposal), WARM_RUNS)
    fill, kwargs = timed(lambda: proposal_kwargs(proposal, clauses=clauses), WARM_RUNS)
    html, _ = timed(lambda: render_document_html(**kwargs), WARM_RUNS)
    docx, document = timed(lambda: proposal_docx(proposal, clauses=clauses), WARM_RUNS)
    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    Path("/tmp/uh_bench_contracts_proposal.pdf").write_bytes(pdf)

    def ms(values: list[float]) -> str:
        return (
            f"median {statistics.median(values) * 1000:7.1f} ms"
            f"  (min {min(values) * 1000:.1f}, max {max(values) * 1000:.1f}, n={len(values)})"
        )

    print(
        f"proposal: {CLAUSES} clauses, {pages} PDF pages, {len(pdf) / 1024:.0f} KiB PDF, "
        f"{len(document) / 1024:.0f} KiB DOCX"
    )
    print(f"  PDF, first render (cold)      {cold[0] * 1000:7.1f} ms")
    print(f"  PDF, warm                     {ms(warm)}")
    print(f"  PDF, warm, with DB reads      {ms(full)}")
    print(f"    of which filling clauses    {ms(fill)}")
    print(f"    of which HTML template      {ms(html)}")
    print(f"  DOCX, warm                    {ms(docx)}")
    per_page = statistics.median(warm) / pages
    print(
        f"  per PDF page, warm            {per_page * 1000:7.1f} ms"
        f"   (budget for a 2-page resolution: 250 ms per page, 0.5 s in all)"
    )
    print(f"  peak RSS of this process      {peak_mb:7.0f} MB")
    print("  output: /tmp/uh_bench_contracts_proposal.pdf")
    return 0


if __name__ == "__main__":
    sys.exit(main())
