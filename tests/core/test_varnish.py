"""The deployment's HTTP cache: a real varnishd running deploy/varnish/default.vcl in front of
the live server. Hits, passes, purges on publish, stale pages while the backend is down."""

import contextlib
import http.client
import shutil
import socket
import subprocess
import tempfile
import threading
import time
from pathlib import Path

import pytest
import requests

from demo.pages import child_page
from home.models import StandardPage
from petitions.models import Signature
from tests.petitions.conftest import make_petition, sign_data

VCL = Path(__file__).resolve().parents[2] / "deploy" / "varnish" / "default.vcl"
VARNISHD = shutil.which("varnishd") or "/usr/sbin/varnishd"

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Backend:
    """A TCP relay between Varnish and the live server, so a test can take the backend away
    (the live server itself lives for the whole session)."""

    def __init__(self, target_port: int) -> None:
        self.target_port = target_port
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.running = True
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while self.running:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            if not self.running:
                client.close()
                return
            upstream = socket.create_connection(("127.0.0.1", self.target_port))
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(a, b), daemon=True).start()

    @staticmethod
    def _pipe(source: socket.socket, sink: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for s in (source, sink):
                with contextlib.suppress(OSError):
                    s.shutdown(socket.SHUT_RDWR)

    def stop(self) -> None:
        self.running = False
        self.listener.close()


class Varnish:
    def __init__(self, backend_port: int) -> None:
        if not Path(VARNISHD).exists():
            pytest.fail("varnishd is missing: run bin/system-deps (apt-get install varnish).")
        self.workdir = Path(tempfile.mkdtemp(prefix="uh-varnish-"))
        self.port = free_port()
        vcl = VCL.read_text()
        vcl = vcl.replace('.host = "web";', '.host = "127.0.0.1";')
        vcl = vcl.replace('.port = "8000";', f'.port = "{backend_port}";')
        # The probe runs every 2 s in production; quicker here so the test waits less.
        vcl = vcl.replace(".interval = 2s;", ".interval = 0.5s;")
        vcl_path = self.workdir / "default.vcl"
        vcl_path.write_text(vcl)
        self.process = subprocess.Popen(
            [
                VARNISHD,
                "-F",
                "-j",
                "none",
                "-n",
                str(self.workdir / "n"),
                "-a",
                f"127.0.0.1:{self.port}",
                "-f",
                str(vcl_path),
                "-s",
                "malloc,64m",
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
        )
        self.url = f"http://127.0.0.1:{self.port}"
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                pytest.fail("varnishd did not start:\n" + self.process.stdout.read().decode())
            try:
                if requests.get(self.url + "/healthz", timeout=2).status_code == 200:
                    break
            except requests.ConnectionError:
                pass
            time.sleep(0.2)
        else:
            pytest.fail("varnishd did not answer within 30 s")
        self.wait_healthy(True)

    def backend_healthy(self) -> bool:
        out = subprocess.run(
            ["varnishadm", "-n", str(self.workdir / "n"), "backend.list"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        return "healthy" in out.lower()

    def wait_healthy(self, healthy: bool) -> None:
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            if self.backend_healthy() == healthy:
                return
            time.sleep(0.2)
        pytest.fail(f"the Varnish backend never became {'healthy' if healthy else 'sick'}")

    def get(self, path: str, **kwargs) -> requests.Response:
        return requests.get(self.url + path, allow_redirects=False, timeout=10, **kwargs)

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        shutil.rmtree(self.workdir, ignore_errors=True)


@pytest.fixture
def varnish(live_server, settings, home):
    backend = Backend(int(live_server.url.rsplit(":", 1)[1]))
    cache = Varnish(backend.port)
    settings.WAGTAILFRONTENDCACHE = {
        **settings.WAGTAILFRONTENDCACHE,
        "varnish": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": cache.url,
        },
    }
    cache.backend = backend
    yield cache
    cache.stop()
    backend.stop()


def test_second_anonymous_get_is_a_hit(varnish):
    petition = make_petition(varnish_home())
    first = varnish.get(petition.url)
    second = varnish.get(petition.url)
    assert first.status_code == second.status_code == 200
    assert first.headers["X-Cache"] == "MISS"
    assert second.headers["X-Cache"] == "HIT"
    assert "Water at the dock" in second.text
    assert "Set-Cookie" not in second.headers
    # Another visitor's leftover cookies and language change nothing: the same copy.
    third = varnish.get(petition.url, headers={"Cookie": "csrftoken=abc", "Accept-Language": "es"})
    assert third.headers["X-Cache"] == "HIT"


def test_request_with_a_session_cookie_passes(varnish):
    petition = make_petition(varnish_home())
    varnish.get(petition.url)
    assert varnish.get(petition.url).headers["X-Cache"] == "HIT"
    with_session = varnish.get(petition.url, headers={"Cookie": "sessionid=abc; other=1"})
    assert with_session.headers["X-Cache"] == "MISS"
    assert "public" not in with_session.headers["Cache-Control"]


def test_post_passes_and_signs(varnish):
    petition = make_petition(varnish_home())
    varnish.get(petition.url)
    response = requests.post(
        varnish.url + petition.url + "sign/",
        data=sign_data(),
        headers={"Origin": varnish.url, "Sec-Fetch-Site": "same-origin"},
        allow_redirects=False,
        timeout=10,
    )
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/signed/")
    assert response.headers["X-Cache"] == "MISS"
    assert Signature.objects.filter(email="rosa@example.org").count() == 1


def test_admin_and_accounts_pass(varnish):
    for path in ("/admin/", "/accounts/login/", "/es/accounts/login/"):
        varnish.get(path)
        again = varnish.get(path)
        assert again.headers["X-Cache"] == "MISS", path
        assert "public" not in again.headers.get("Cache-Control", ""), path


def test_publishing_purges_the_page_and_its_parent_index(varnish):
    home = varnish_home()
    page = child_page(home, StandardPage, slug="about", title="About us")
    for path in (page.url, page.url + "?ref=flyer", "/"):
        varnish.get(path)
        assert varnish.get(path).headers["X-Cache"] == "HIT", path

    page.title = "About the hall"
    page.save_revision().publish()

    fresh = varnish.get(page.url)
    assert fresh.headers["X-Cache"] == "MISS"
    assert "About the hall" in fresh.text
    # With its query strings, and the index that lists it (the home page's menu).
    assert varnish.get(page.url + "?ref=flyer").headers["X-Cache"] == "MISS"
    assert varnish.get("/").headers["X-Cache"] == "MISS"


def test_purge_is_refused_from_outside_the_acl(varnish):
    page = child_page(varnish_home(), StandardPage, slug="about", title="About us")
    varnish.get(page.url)
    # From 127.0.0.2: an address on this host that the ACL does not name.
    connection = http.client.HTTPConnection(
        "127.0.0.1", varnish.port, timeout=10, source_address=("127.0.0.2", 0)
    )
    connection.request("PURGE", page.url)
    assert connection.getresponse().status == 405
    connection.close()
    assert varnish.get(page.url).headers["X-Cache"] == "HIT"
    inside = requests.request("BAN", varnish.url + page.url, timeout=10)
    assert inside.status_code == 200
    assert varnish.get(page.url).headers["X-Cache"] == "MISS"


def test_root_is_cached_per_language_choice(varnish):
    varnish_home()
    spanish = {"Accept-Language": "es-MX,es;q=0.9"}
    first = varnish.get("/", headers=spanish)
    assert first.status_code == 302 and first.headers["Location"] == "/es/"
    english = varnish.get("/", headers={"Accept-Language": "en-GB,en;q=0.8"})
    assert english.status_code == 200
    assert varnish.get("/", headers={"Accept-Language": "en-US"}).headers["X-Cache"] == "HIT"
    # A Spanish browser that chose English in the switch gets the English home.
    chose_english = varnish.get(
        "/", headers={**spanish, "Cookie": "csrftoken=x; django_language=en"}
    )
    assert chose_english.status_code == 200
    assert '<html lang="en">' in chose_english.text


def test_stale_page_is_served_while_the_backend_is_down(varnish):
    petition = make_petition(varnish_home())
    assert varnish.get(petition.url).status_code == 200
    varnish.backend.stop()
    varnish.wait_healthy(False)
    time.sleep(3.5)  # past the petition page's 3 s of freshness
    stale = varnish.get(petition.url)
    assert stale.status_code == 200
    assert "Water at the dock" in stale.text
    assert int(stale.headers["Age"]) >= 3
    # A page never cached has nothing to fall back on: the backend really is gone.
    assert varnish.get("/search/?q=nothing-cached").status_code == 503


def varnish_home():
    from home.models import HomePage

    return HomePage.objects.get(locale__language_code="en")
