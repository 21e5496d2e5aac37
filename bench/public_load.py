"""Public pages and signing under load, side by side with a naive Django app, in one run.

    .venv/bin/python bench/public_load.py [--seconds 15] [--connections 32] [--workers 3]
        [--worker-class sync] [--threads 1] [--vcl deploy/varnish/default.vcl]

What runs, all on 127.0.0.1 with the load generator (wrk) on the same machine:
- Union Hall under gunicorn exactly as the Dockerfile runs it (the worker options above
  default to the Dockerfile's), with production settings and placeholder secrets (like the
  Makefile's check-deploy), SECURE_SSL_REDIRECT=false, TRUSTED_PROXY_HOPS=1;
- Varnish (`varnishd`, from `bin/bench-deps`) in front of it, with the project's VCL whose
  backend is pointed at this gunicorn;
- the naive reference app in bench/naive/ (startproject middleware, one Form page and its
  POST with one INSERT, CSRF on) under the same gunicorn options and the same database
  connection handling.

It prints (a) the petition page through Varnish, straight from gunicorn (Redis page cache)
and the naive page; (b) signing against the naive form POST, with lost and duplicated rows;
(c) the petition page through Varnish while signing runs flat out; (d) the day-of-action page
(its endorser wall) and its endorse form, as in (a). Budgets (DESIGN.md) are printed beside
the figures, never asserted.

How signing stays honest about the time-to-fill token (core.formguard): the token is fetched
from the petition page once, as every visitor of a cached page gets the same one, and each
request comes from its own client address (X-Forwarded-For, trusted for one proxy hop, as
behind Varnish or a load balancer). So every (token, address) pair is used once: the reuse
limit is neither raised nor hit, and its Redis round trip is paid on every request, as in
production. Each request signs with a distinct email, so every success must be a new row.

Databases: uh_bench_public and uh_bench_naive on DATABASE_URL's server; Redis DB 7
(PUBLIC_BENCH_REDIS_URL) for the cache and the broker, flushed before the run.
"""

import argparse
import io
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from http.cookiejar import CookieJar
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from _common import bench_database_url, ensure_database, setup_django  # noqa: E402

REDIS_URL = os.environ.get("PUBLIC_BENCH_REDIS_URL", "redis://127.0.0.1:6379/7")
APP_PORT, NAIVE_PORT, VARNISH_PORT = 8811, 8812, 8813
APP = f"http://127.0.0.1:{APP_PORT}"
NAIVE = f"http://127.0.0.1:{NAIVE_PORT}"
VARNISH = f"http://127.0.0.1:{VARNISH_PORT}"
SECRET_KEY = "bench-" + os.urandom(24).hex()


def production_env(database_url: str, args) -> dict:
    return {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "DJANGO_SETTINGS_MODULE": "unionhall.settings.production",
        "SECRET_KEY": SECRET_KEY,
        "DATABASE_URL": database_url,
        "REDIS_URL": REDIS_URL,
        "ALLOWED_HOSTS": "127.0.0.1",
        "CSRF_TRUSTED_ORIGINS": f"{APP},{VARNISH}",
        "SITE_URL": APP,
        "DEFAULT_FROM_EMAIL": "hall@unionhall.example.org",
        "MAILGUN_API_KEY": "key-bench",
        "MAILGUN_SENDER_DOMAIN": "mg.unionhall.example.org",
        "MAILGUN_WEBHOOK_SIGNING_KEY": "signing-bench",
        "SECURE_SSL_REDIRECT": "false",
        "TRUSTED_PROXY_HOPS": "1",
        "DATABASE_CONN_MAX_AGE": str(args.conn_max_age),
        "LOG_LEVEL": "WARNING",
    }


def gunicorn(app: str, port: int, env: dict, args, cwd: Path) -> subprocess.Popen:
    """The Dockerfile's command line, on a local port."""
    command = [
        str(ROOT / ".venv/bin/gunicorn"),
        app,
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(args.workers),
        "--worker-class",
        args.worker_class,
        "--threads",
        str(args.threads),
        "--access-logfile",
        "-",
        "--access-logformat",
        "%(m)s %(s)s %(L)ss",
        "--backlog",
        "2048",
        "--log-level",
        "warning",
    ]
    proc = subprocess.Popen(
        command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, start_new_session=True
    )
    wait_for(
        f"http://127.0.0.1:{port}/healthz" if "unionhall" in app else f"http://127.0.0.1:{port}/"
    )
    return proc


def wait_for(url: str) -> None:
    for _ in range(150):
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except Exception:
            time.sleep(0.2)
    raise SystemExit(f"{url} did not answer")


def varnish(vcl: Path, tmp: Path) -> subprocess.Popen:
    """varnishd in the foreground with the project's VCL, its backend pointed here."""
    text = vcl.read_text()
    text = re.sub(r'(\.host\s*=\s*)"[^"]*"', r'\1"127.0.0.1"', text)
    text = re.sub(r'(\.port\s*=\s*)"[^"]*"', rf'\1"{APP_PORT}"', text)
    tmp.chmod(0o755)  # varnishd reads the VCL as its own user
    local = tmp / "bench.vcl"
    local.write_text(text)
    local.chmod(0o644)
    workdir = tmp / "varnish"
    workdir.mkdir()
    shutil.chown(workdir, "varnish") if os.geteuid() == 0 else None
    proc = subprocess.Popen(
        [
            shutil.which("varnishd") or "/usr/sbin/varnishd",
            "-F",
            "-n",
            str(workdir),
            "-a",
            f"127.0.0.1:{VARNISH_PORT}",
            "-f",
            str(local),
            "-s",
            "malloc,128m",
        ],
        stdout=subprocess.DEVNULL,
        start_new_session=True,
    )
    wait_for(VARNISH + "/healthz")
    return proc


def stop(proc: subprocess.Popen) -> None:
    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=20)
    except (ProcessLookupError, subprocess.TimeoutExpired):
        os.killpg(proc.pid, signal.SIGKILL)


def to_ms(text: str) -> float:
    number, unit = re.match(r"([\d.]+)(\w+)", text).groups()
    return float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}[unit]


def wrk(url: str, seconds: int, connections: int, script: Path | None = None, *extra) -> dict:
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", "--timeout", "5s"]
    if script is not None:
        command += ["-s", str(script)]
    command += [url]
    if extra:
        command += ["--", *extra]
    return wrk_figures(subprocess.run(command, capture_output=True, text=True, check=True).stdout)


def wrk_figures(out: str) -> dict:
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    errors = re.search(r"Socket errors: (.*)", out)
    figures = {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "p50": to_ms(re.search(r"\s50%\s+([\d.]+\w+)", out).group(1)),
        "p99": to_ms(re.search(r"\s99%\s+([\d.]+\w+)", out).group(1)),
        "non2xx": int(non2xx.group(1)) if non2xx else 0,
        "errors": errors.group(1) if errors else "",
    }
    signed = re.search(r"OK (\d+) OTHER (\d+)", out)
    if signed:
        figures["ok"], figures["other"] = int(signed.group(1)), int(signed.group(2))
    return figures


# Each request: a distinct email and a distinct client address (see the module docstring).
WRK_POST = r"""
local threads = {}
function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end
function init(args)
  prefix = args[1]
  counter = 0
  ok = 0
  other = 0
end
request = function()
  counter = counter + 1
  local address = "10." .. id .. "." .. (math.floor(counter / 256) % 256) .. "." .. (counter % 256)
  local body = fields .. "&email=" .. prefix .. "-" .. id .. "-" .. counter .. "%40example.test"
  local h = {}
  for k, v in pairs(headers) do h[k] = v end
  h["X-Forwarded-For"] = address
  return wrk.format("POST", path, h, body)
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
  io.write(string.format("OK %d OTHER %d\n", total_ok, total_other))
end
"""


def lua_quote(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def post_script(tmp: Path, name: str, base: str, path: str, fields: str, cookie: str) -> Path:
    headers = {
        "Content-Type": "application/x-www-form-urlencoded",
        "Origin": base,
        "Referer": base + path,
        "Sec-Fetch-Site": "same-origin",
    }
    if cookie:
        headers["Cookie"] = cookie
    head = (
        f"path = {lua_quote(path)}\nfields = {lua_quote(fields)}\nheaders = {{"
        + ", ".join(f"[{lua_quote(k)}] = {lua_quote(v)}" for k, v in headers.items())
        + "}\n"
    )
    script = tmp / f"{name}.lua"
    script.write_text(head + WRK_POST)
    return script


def form_from(url: str) -> tuple[str, str, str]:
    """What a browser gets with a form: its CSRF cookie and token (when the page has them)
    and its time-to-fill token (when it has one)."""
    jar = CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    html = opener.open(url).read().decode()
    csrf_field = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    started = re.search(r'name="started" value="([^"]+)"', html)
    cookie = "; ".join(f"{c.name}={c.value}" for c in jar if c.name == "csrftoken")
    return (
        cookie,
        csrf_field.group(1) if csrf_field else "",
        started.group(1) if started else "",
    )


def seed(signatures: int) -> tuple[str, str, str]:
    """The petition and the day of action under the bench site (created once)."""
    from petitions_signing import ensure_petition

    from campaigns.models import DayOfActionPage
    from demo import campaigns as campaigns_demo
    from demo.pages import seed_pages

    home = seed_pages()
    page = ensure_petition("bench-signing-petition", confirmed=signatures)
    campaigns_demo.seed(home=home, stdout=io.StringIO())
    day = DayOfActionPage.objects.get(
        slug="no-work-no-school-no-shopping", locale__language_code="en"
    )
    return page.url, day.url, day.url + day.reverse_subpage("endorse").lstrip("/")


def counted(model, field: str, prefix: str) -> tuple[int, int]:
    from django.db.models import Count

    rows = model.objects.filter(**{f"{field}__startswith": prefix + "-"}).aggregate(
        rows=Count("id"), distinct=Count(field, distinct=True)
    )
    return rows["rows"], rows["distinct"]


def naive_counted(prefix: str) -> int:
    import psycopg

    with psycopg.connect(bench_database_url("uh_bench_naive")) as db:
        return db.execute(
            "SELECT count(*) FROM naive_entry WHERE email LIKE %s", [prefix + "-%"]
        ).fetchone()[0]


def ratio(a: float, b: float) -> str:
    return f"{a / b:6.2f}x" if b else "   n/a"


def row(label: str, f: dict, reference: dict | None, budget: str = "") -> str:
    return (
        f"    {label:<34} {f['rps']:8.0f} {f['p50']:8.1f} {f['p99']:8.1f}   "
        f"{ratio(f['rps'], reference['rps']) if reference else '       '}  {budget}"
        + (f"   non-2xx {f['non2xx']}" if f["non2xx"] else "")
        + (f"   socket errors: {f['errors']}" if f["errors"] else "")
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, default=15)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--worker-class", default="sync")
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--conn-max-age", type=int, default=60)
    parser.add_argument("--vcl", default=str(ROOT / "deploy/varnish/default.vcl"))
    parser.add_argument("--only", default="abcd", help="which parts to run, e.g. ab")
    args = parser.parse_args()
    vcl = Path(args.vcl)
    if not vcl.exists():
        raise SystemExit(f"No Varnish VCL at {vcl} (pass --vcl)")
    for tool in ("wrk", "varnishd"):
        if not shutil.which(tool) and not Path(f"/usr/sbin/{tool}").exists():
            raise SystemExit(f"{tool} is missing: run bin/bench-deps")

    import redis

    redis.Redis.from_url(REDIS_URL).flushdb()
    os.environ["REDIS_URL"] = REDIS_URL
    setup_django("uh_bench_public")
    petition_url, day_url, endorse_url = seed(2_000)
    from django.db import connection

    connection.close()
    database_url = bench_database_url("uh_bench_public")
    naive_url = bench_database_url("uh_bench_naive")
    ensure_database(naive_url)
    env = production_env(database_url, args)
    subprocess.run(
        [str(ROOT / ".venv/bin/python"), "manage.py", "collectstatic", "--no-input", "-v", "0"],
        cwd=ROOT,
        env=env,
        check=True,
    )
    naive_env = {
        **env,
        "PYTHONPATH": str(HERE / "naive"),
        "DJANGO_SETTINGS_MODULE": "naive.settings",
        "NAIVE_DATABASE_URL": naive_url,
    }
    subprocess.run(
        [str(ROOT / ".venv/bin/python"), "-m", "django", "migrate", "-v", "0"],
        cwd=HERE / "naive",
        env=naive_env,
        check=True,
    )

    print("load average before the run: " + " ".join(f"{x:.2f}" for x in os.getloadavg()))
    print(
        f"gunicorn --workers {args.workers} --worker-class {args.worker_class} --threads "
        f"{args.threads}, CONN_MAX_AGE {args.conn_max_age}; wrk -t2 -c{args.connections} "
        f"-d{args.seconds}s; production settings; VCL {vcl}"
    )
    tmp = Path(tempfile.mkdtemp(prefix="uh_bench_public_"))
    procs = []
    try:
        procs.append(gunicorn("unionhall.wsgi", APP_PORT, env, args, ROOT))
        procs.append(gunicorn("naive.wsgi", NAIVE_PORT, naive_env, args, HERE / "naive"))
        procs.append(varnish(vcl, tmp))
        run(args, tmp, petition_url, day_url, endorse_url)
    finally:
        for proc in reversed(procs):
            stop(proc)
        # The confirmation emails queued on the broker are never sent.
        redis.Redis.from_url(REDIS_URL).flushdb()


def run(args, tmp: Path, petition_url: str, day_url: str, endorse_url: str) -> None:
    from petitions.models import Signature

    seconds, connections = args.seconds, args.connections
    header = f"    {'':<34} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8}   {'ratio':>7}  budget"

    def warm(url: str) -> None:
        for _ in range(3):
            urllib.request.urlopen(url).read()

    for url in (APP + petition_url, VARNISH + petition_url, NAIVE + "/"):
        warm(url)
    naive_page = wrk(NAIVE + "/", seconds, connections)

    if "a" in args.only:
        print("(a) the petition page, anonymous GET")
        print(header)
        print(
            row(
                "through Varnish",
                wrk(VARNISH + petition_url, seconds, connections),
                naive_page,
                ">= 20x naive",
            )
        )
        print(
            row(
                "gunicorn (Redis page cache)",
                wrk(APP + petition_url, seconds, connections),
                naive_page,
                ">= 1x naive",
            )
        )
        print(row("naive form page", naive_page, naive_page))

    def sign_script(name: str) -> tuple[Path, str]:
        cookie, csrf, started = form_from(APP + petition_url)
        fields = (
            (f"csrfmiddlewaretoken={csrf}&" if csrf else "")
            + f"started={started}&name=Bench+Signer&department=Nursing"
            + "&name_display=initial&language=en&website="
        )
        prefix = f"pl{int(time.time())}{name}"
        return post_script(tmp, name, APP, petition_url + "sign/", fields, cookie), prefix

    def naive_script() -> tuple[Path, str]:
        cookie, csrf, _ = form_from(NAIVE + "/")
        fields = f"csrfmiddlewaretoken={csrf}&name=Bench+Signer&department=Nursing"
        prefix = f"nv{int(time.time())}"
        return post_script(tmp, "naive", NAIVE, "/", fields, cookie), prefix

    if "b" in args.only or "c" in args.only:
        script, prefix = sign_script("sign")
        nscript, nprefix = naive_script()
        time.sleep(3.2)  # the time-to-fill token must be at least 3 s old
    if "b" in args.only:
        naive_post = wrk(NAIVE + "/", seconds, connections, nscript, nprefix)
        signing = wrk(APP + petition_url, seconds, connections, script, prefix)
        rows, distinct = counted(Signature, "email", prefix)
        naive_rows = naive_counted(nprefix)
        print("(b) signing, POST -> 302 (each request a new email from its own address)")
        print(header)
        print(row("sign", signing, naive_post, ">= 0.8x naive POST"))
        print(row("naive form POST (one INSERT)", naive_post, naive_post))
        print(
            f"    p99 ratio {signing['p99'] / naive_post['p99']:.2f}x (budget <= 3x);"
            f" sign 302s {signing['ok']}, other {signing['other']}; naive 302s"
            f" {naive_post['ok']}, rows {naive_rows}"
        )
        print(
            f"    lost {max(0, signing['ok'] - rows)} (302s - rows; budget 0), duplicated"
            f" {rows - distinct} (rows - distinct emails; budget 0), rows {rows}"
        )

    if "c" in args.only:
        half = max(1, connections // 2)
        _, mprefix = sign_script("mixed")
        mixed_script = tmp / "mixed.lua"
        mixed_script.write_text(script.read_text())
        signer = subprocess.Popen(
            [
                "wrk",
                "-t1",
                f"-c{half}",
                f"-d{seconds}s",
                "--latency",
                "--timeout",
                "5s",
                "-s",
                str(mixed_script),
                APP + petition_url,
                "--",
                mprefix,
            ],
            stdout=subprocess.PIPE,
            text=True,
        )
        page = wrk(VARNISH + petition_url, seconds, half)
        signing = wrk_figures(signer.communicate()[0])
        rows, distinct = counted(Signature, "email", mprefix)
        print(
            f"(c) mixed: the petition page through Varnish ({half} connections) while signing"
            f" runs flat out ({half} connections)"
        )
        print(header)
        print(row("page through Varnish", page, naive_page, ">= 20x naive"))
        print(row("signing at the same time", signing, None))
        print(f"    lost {max(0, signing['ok'] - rows)}, duplicated {rows - distinct}, rows {rows}")

    if "d" in args.only:
        print("(d) the day of action, anonymous GET")
        print(header)
        for label, url in (("day page (endorser wall)", day_url), ("endorse form", endorse_url)):
            warm(APP + url)
            warm(VARNISH + url)
            print(
                row(
                    f"{label}: Varnish",
                    wrk(VARNISH + url, seconds, connections),
                    naive_page,
                    ">= 20x naive",
                )
            )
            print(
                row(
                    f"{label}: gunicorn",
                    wrk(APP + url, seconds, connections),
                    naive_page,
                    ">= 1x naive",
                )
            )
        print(row("naive form page", naive_page, naive_page))


if __name__ == "__main__":
    main()
