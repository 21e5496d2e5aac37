"""Petitions: signing throughput and the petition page under load, against gunicorn and
PostgreSQL on 127.0.0.1 with the load generator (wrk) on the same machine.

Budgets (DESIGN.md): signing >= 500 accepted/s sustained, p99 <= 250 ms, 0 lost,
0 duplicated; the petition page >= 1,500 requests/s while signatures arrive at 200/s.
Figures are printed, never asserted.

    .venv/bin/python bench/petitions_signing.py [--seconds 20] [--workers 4]

Uses the PostgreSQL database uh_bench_petitions (created if missing) and Redis db 5 for
the cache and the Celery broker. gunicorn runs the project with a bench settings module
(written to a temp dir) that differs from the test settings only in: persistent database
connections (production's default), Celery not eager (a
signature queues its email on the broker, as in production) and the per-IP signing limit
raised, since every request here comes from 127.0.0.1 (the limit check still runs).
"""

import argparse
import os
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from http.cookiejar import CookieJar
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DATABASE_URL = "postgres://postgres@127.0.0.1:5432/uh_bench_petitions"
REDIS_URL = os.environ.get("PETITIONS_BENCH_REDIS_URL", "redis://127.0.0.1:6379/5")
PORT = 8765
BASE = f"http://127.0.0.1:{PORT}"

BENCH_SETTINGS = """
from unionhall.settings.test import *  # noqa
# As in production: workers keep their database connection between requests.
DATABASES["default"]["CONN_MAX_AGE"] = 60
CELERY_TASK_ALWAYS_EAGER = False
PETITIONS_SIGN_LIMIT = 10_000_000
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
"""


def ensure_database(url: str) -> None:
    import psycopg

    name = url.rsplit("/", 1)[1]
    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')


def django_setup(*, migrate: bool) -> None:
    os.environ["DATABASE_URL"] = DATABASE_URL
    os.environ["REDIS_URL"] = REDIS_URL
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "unionhall.settings.test")
    if migrate:
        ensure_database(DATABASE_URL)
    import django

    django.setup()
    if migrate:
        from django.core.management import call_command

        call_command("migrate", verbosity=0, interactive=False)


def ensure_petition(slug: str, *, confirmed: int = 0):
    """A petition under the bench site, with `confirmed` signatures (created once)."""
    from django.utils import timezone

    from demo.pages import child_page, seed_pages, seed_unions
    from petitions import services
    from petitions.models import PetitionIndexPage, PetitionPage, Signature

    home = seed_pages()
    local = seed_unions()["1017"]
    index = child_page(home, PetitionIndexPage, slug="petitions", title="Petitions")
    page = PetitionPage.objects.filter(slug=slug).first() or child_page(
        index,
        PetitionPage,
        slug=slug,
        title="No ICE on our hospital floors without a judicial warrant",
        addressed_to="The Chief Executive, Harbor Valley Medical Center",
        demand="<p>"
        + "Keep immigration agents off patient floors without a warrant. " * 8
        + "</p>",
        local=local,
        goal=20_000,
        departments="Nursing\nEnvironmental services\nDietary\nLaboratory",
    )
    have = Signature.objects.filter(petition=page, status="confirmed").count()
    if have < confirmed:
        first = ["Ana", "Luis", "María", "Grace", "Kofi", "Priya", "Teresa", "Hector", "Mei"]
        last = ["Delgado", "Okafor", "Nguyen", "Ramírez", "Castillo", "Haddad", "Torres"]
        now = timezone.now()
        Signature.objects.bulk_create(
            [
                Signature(
                    petition=page,
                    name=f"{first[i % 9]} {last[i % 7]}-{i}",
                    email=f"bench{i}@example.test",
                    department=["Nursing", "Dietary", "Laboratory"][i % 3],
                    name_display=["full", "initial", "full", "hidden"][i % 4]
                    if slug != "bench-pdf-petition"
                    else ["full", "initial"][i % 2],
                    status="confirmed",
                    confirmed_at=now,
                )
                for i in range(have, confirmed)
            ],
            batch_size=2000,
            ignore_conflicts=True,
        )
    services.counts_reconcile()
    return page


def start_gunicorn(workers: int, tmp: Path) -> subprocess.Popen:
    (tmp / "petitions_bench_settings.py").write_text(BENCH_SETTINGS)
    env = {
        **os.environ,
        "PYTHONPATH": f"{tmp}:{ROOT}",
        "DJANGO_SETTINGS_MODULE": "petitions_bench_settings",
        "DATABASE_URL": DATABASE_URL,
        "REDIS_URL": REDIS_URL,
        "LOG_LEVEL": "WARNING",
    }
    proc = subprocess.Popen(
        [
            str(ROOT / ".venv/bin/gunicorn"),
            "unionhall.wsgi:application",
            "-b",
            f"127.0.0.1:{PORT}",
            "-w",
            str(workers),
            "--worker-class",
            "sync",
            "--log-level",
            "warning",
            "--backlog",
            "4096",
        ],
        cwd=ROOT,
        env=env,
        start_new_session=True,
    )
    for _ in range(100):
        try:
            urllib.request.urlopen(BASE + "/healthz", timeout=1)
            return proc
        except Exception:
            time.sleep(0.2)
    raise SystemExit("gunicorn did not start")


def form_tokens(page_url: str) -> tuple[str, str]:
    """The CSRF cookie and the signed start time a browser would get with the form."""
    jar = CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    html = opener.open(BASE + page_url).read().decode()
    started = re.search(r'name="started" value="([^"]+)"', html).group(1)
    csrf = next(c.value for c in jar if c.name == "csrftoken")
    return csrf, started


WRK_SIGN = r"""
local counter = 0
local threads = {}
function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end
function init(args)
  prefix = args[1]
  ok = 0
  other = 0
end
request = function()
  counter = counter + 1
  local body = "csrfmiddlewaretoken=" .. csrf .. "&started=" .. started ..
    "&name=Bench+Signer&email=" .. prefix .. "-" .. id .. "-" .. counter ..
    "%40example.test&department=Nursing&name_display=initial&language=en&website="
  return wrk.format("POST", path, headers, body)
end
response = function(status, headers, body)
  if status == 302 then ok = ok + 1 else other = other + 1 end
end
function done(summary, latency, requests)
  local total_ok, total_other = 0, 0
  for _, t in ipairs(threads) do
    total_ok = total_ok + t:get("ok")
    total_other = total_other + t:get("other")
  end
  io.write(string.format("ACCEPTED %d OTHER %d P50 %.1f P90 %.1f P99 %.1f MAX %.1f\n",
    total_ok, total_other, latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000))
end
"""


def wrk_sign_script(tmp: Path, page_url: str, csrf: str, started: str) -> Path:
    script = tmp / "sign.lua"
    head = (
        f'path = "{page_url}sign/"\n'
        f'csrf = "{csrf}"\nstarted = "{started}"\n'
        'headers = {["Content-Type"] = "application/x-www-form-urlencoded", '
        f'["Cookie"] = "csrftoken={csrf}", ["Referer"] = "{BASE}{page_url}"}}\n'
    )
    script.write_text(head + WRK_SIGN)
    return script


def paced_signer(page_url: str, rate: float, stop: threading.Event, results: dict) -> None:
    """Signs at a steady `rate` per second from a few keep-alive connections."""
    import http.client

    csrf, started = form_tokens(page_url)
    threads = 8
    interval = threads / rate

    def run(n: int) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=10)
        i = 0
        next_at = time.perf_counter()
        while not stop.is_set():
            body = urlencode(
                {
                    "csrfmiddlewaretoken": csrf,
                    "started": started,
                    "name": "Paced Signer",
                    "email": f"paced-{time.time_ns()}-{n}-{i}@example.test",
                    "department": "Dietary",
                    "name_display": "full",
                    "language": "es",
                    "website": "",
                }
            )
            conn.request(
                "POST",
                page_url + "sign/",
                body,
                {
                    "Content-Type": "application/x-www-form-urlencoded",
                    "Cookie": f"csrftoken={csrf}",
                    "Referer": BASE + page_url,
                },
            )
            response = conn.getresponse()
            response.read()
            key = "ok" if response.status == 302 else "other"
            results[key] = results.get(key, 0) + 1
            i += 1
            next_at += interval
            time.sleep(max(0.0, next_at - time.perf_counter()))

    workers = [threading.Thread(target=run, args=(n,)) for n in range(threads)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()


def service_only(page, *, seconds: float) -> tuple[float, int]:
    from django.conf import settings
    from django.db import connection as conn

    from petitions import services
    from petitions.models import Signature

    settings.CELERY_TASK_ALWAYS_EAGER = False
    from unionhall.celery import app

    app.conf.task_always_eager = False
    prefix = f"svc{int(time.time())}"
    done = [0] * 8
    stop = time.perf_counter() + seconds

    def run(n: int) -> None:
        i = 0
        try:
            while time.perf_counter() < stop:
                services.signature_create(
                    petition=page, name="Service Signer", email=f"{prefix}-{n}-{i}@example.test"
                )
                i += 1
            done[n] = i
        finally:
            conn.close()

    workers = [threading.Thread(target=run, args=(n,)) for n in range(8)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    rows = Signature.objects.filter(petition=page, email__startswith=prefix + "-").count()
    return sum(done) / seconds, rows


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, default=20)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--connections", type=int, default=32)
    args = parser.parse_args()

    django_setup(migrate=True)
    from django.db import connection

    # Other work on the machine skews every figure below; say how busy it was.
    print("load average before the run: " + " ".join(f"{x:.2f}" for x in os.getloadavg()))

    from petitions.models import Signature

    page = ensure_petition("bench-signing-petition", confirmed=2_000)
    page_url = page.url
    connection.close()
    tmp = Path(tempfile.mkdtemp(prefix="uh_bench_petitions_"))
    proc = start_gunicorn(args.workers, tmp)
    try:
        csrf, started = form_tokens(page_url)
        time.sleep(3.2)  # the time-to-fill check: the form must be at least 3 s old
        prefix = f"b{int(time.time())}"
        before = Signature.objects.filter(petition=page).count()
        script = wrk_sign_script(tmp, page_url, csrf, started)
        out = subprocess.run(
            [
                "wrk",
                "-t2",
                f"-c{args.connections}",
                f"-d{args.seconds}s",
                "--timeout",
                "5s",
                "-s",
                str(script),
                BASE + page_url,
                "--",
                prefix,
            ],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        figures = re.search(
            r"ACCEPTED (\d+) OTHER (\d+) P50 ([\d.]+) P90 ([\d.]+) P99 ([\d.]+) MAX ([\d.]+)", out
        )
        accepted, other = int(figures.group(1)), int(figures.group(2))
        socket_errors = re.search(r"Socket errors: (.*)", out)
        from django.db.models import Count

        # One query, so a late commit can't fall between the two counts.
        counted = Signature.objects.filter(petition=page, email__startswith=prefix + "-").aggregate(
            rows=Count("id"), distinct=Count("email", distinct=True)
        )
        rows, duplicated = counted["rows"], counted["distinct"]
        print(
            f"signing ({args.seconds} s, {args.connections} connections, gunicorn "
            f"{args.workers} sync workers, wrk -t2):"
        )
        print(f"  accepted      {accepted / args.seconds:8.0f} signatures/s   (budget >= 500/s)")
        print(f"  latency p50   {float(figures.group(3)):8.1f} ms")
        print(
            f"  latency p99   {float(figures.group(5)):8.1f} ms            (budget <= 250 ms)"
            f"   max {float(figures.group(6)):.0f} ms"
        )
        print(
            f"  refused/error {other:8d}"
            + (f"   wrk socket errors: {socket_errors.group(1)}" if socket_errors else "")
        )
        # A success the client saw must be a row; a row whose response the client never
        # saw (a timeout) is not "lost", so lost counts only the first kind.
        print(f"  lost          {max(0, accepted - rows):8d}   (successes - rows; budget 0)")
        print(f"  duplicated    {rows - duplicated:8d}   (rows - distinct emails; budget 0)")
        print(f"  rows before {before}, rows added {rows}")

        # For comparison: the service alone (INSERT, email render, broker publish), from
        # 8 threads in one process, no HTTP and no Wagtail routing.
        service_rate, service_rows = service_only(page, seconds=5)
        print(
            f"  service alone {service_rate:8.0f} signatures/s   (8 threads in one process,"
            f" no HTTP; {service_rows} rows)"
        )

        # The page under load while signatures arrive at 200/s.
        stop = threading.Event()
        paced: dict = {}
        signer = threading.Thread(target=paced_signer, args=(page_url, 200, stop, paced))
        signer.start()
        time.sleep(4)  # the paced signer's own form must pass the time-to-fill check
        paced.clear()
        seconds = max(10, args.seconds // 2)
        out = subprocess.run(
            ["wrk", "-t2", f"-c{args.connections}", f"-d{seconds}s", "--latency", BASE + page_url],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        stop.set()
        signer.join()
        rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
        p99 = re.search(r"99%\s+([\d.]+\w+)", out).group(1)
        non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
        print(
            f"petition page while signing at ~{paced.get('ok', 0) / seconds:.0f}/s "
            f"({seconds} s, {args.connections} connections):"
        )
        print(
            f"  page          {rps:8.0f} requests/s   (budget >= 1,500/s)   p99 {p99}"
            f"   non-2xx {non2xx.group(1) if non2xx else 0}"
        )
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=20)
        # Drop the queued confirmation emails nobody will send.
        import redis

        redis.Redis.from_url(REDIS_URL).delete("email")


if __name__ == "__main__":
    main()
