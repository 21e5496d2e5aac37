"""Petitions: the delivery PDF for 10,000 signatures. Budget (DESIGN.md): <= 10 s and
<= 300 MB. Figures are printed, never asserted.

    .venv/bin/python bench/petitions_pdf.py

Runs on the PostgreSQL database uh_bench_petitions (created if missing; data reused).
The render runs in a fresh child process, so its peak RSS is the whole worker process's
(Python, Django, WeasyPrint and the PDF), measured with getrusage.
"""

import json
import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from petitions_signing import django_setup, ensure_petition  # noqa: E402

SIGNATURES = 10_000


def child() -> None:
    import resource

    django_setup(migrate=False)
    from django.utils import translation

    from petitions.delivery import render_delivery
    from petitions.models import PetitionPage

    page = PetitionPage.objects.get(slug="bench-pdf-petition")
    steps = []
    started = time.perf_counter()
    with translation.override("en"):
        data, count = render_delivery(page, count_only=False, progress=lambda p: steps.append(p))
    elapsed = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    Path("/tmp/uh_bench_petitions_delivery.pdf").write_bytes(data)
    print(
        json.dumps(
            {
                "seconds": elapsed,
                "peak_mb": peak_mb,
                "count": count,
                "bytes": len(data),
                "progress_steps": len(steps),
            }
        )
    )


def main() -> None:
    django_setup(migrate=True)
    print("load average before the run: " + " ".join(f"{x:.2f}" for x in os.getloadavg()))
    ensure_petition("bench-pdf-petition", confirmed=SIGNATURES)
    env = {**os.environ}
    out = (
        subprocess.run(
            [sys.executable, __file__, "--child"],
            capture_output=True,
            text=True,
            env=env,
            check=True,
        )
        .stdout.strip()
        .splitlines()[-1]
    )
    result = json.loads(out)
    pages = subprocess.run(
        ["pdfinfo", "/tmp/uh_bench_petitions_delivery.pdf"], capture_output=True, text=True
    ).stdout
    page_count = next(
        (line.split()[-1] for line in pages.splitlines() if line.startswith("Pages")), "?"
    )
    print(
        f"delivery PDF, {result['count']:,} signatures, {page_count} pages, "
        f"{result['bytes'] / 1e6:.1f} MB file, {result['progress_steps']} progress updates"
    )
    print(f"  render time  {result['seconds']:6.2f} s    (budget <= 10 s)")
    print(f"  peak memory  {result['peak_mb']:6.0f} MB   (budget <= 300 MB, whole process)")


if __name__ == "__main__":
    if "--child" in sys.argv:
        child()
    else:
        main()
