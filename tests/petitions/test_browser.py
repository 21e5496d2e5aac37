"""A coworker on a phone, in Spanish: sign, confirm from the email, see the count."""

import re

import pytest
from playwright.sync_api import expect

from petitions.models import Signature
from tests.browser import PHONE, screenshot
from tests.petitions.conftest import make_petition


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_spanish_phone_journey_sign_confirm_and_see_the_count(
    browser, live_server, home, mailoutbox, settings
):
    settings.SITE_URL = live_server.url
    page_en = make_petition(home)
    spanish_url = live_server.url + "/es" + page_en.url

    context = browser.new_context(viewport=PHONE, locale="es-US", is_mobile=True)
    tab = context.new_page()
    tab.goto(spanish_url)
    expect(tab.get_by_role("heading", name="Agua en el muelle")).to_be_visible()
    expect(tab.get_by_text("Solo los delegados y organizadores de")).to_be_visible()
    tab.get_by_label("Su nombre").fill("María Quispe")
    tab.get_by_label("Su correo electrónico").fill("maria.quispe@example.org")
    tab.get_by_label("Departamento").fill("Empaque")
    tab.get_by_label("Mi nombre y la inicial del apellido").check()
    expect(tab.get_by_label("Correos en")).to_have_value("es")
    screenshot(tab, "petitions-es-phone-form")
    # A person takes more than the time-to-fill minimum; so does this test.
    tab.wait_for_timeout(3200)
    tab.get_by_role("button", name="Firmar").click()
    expect(tab.get_by_role("heading", name="Revise su correo")).to_be_visible()
    screenshot(tab, "petitions-es-phone-check-email")

    assert len(mailoutbox) == 1
    email = mailoutbox[0]
    assert email.subject == "Confirme su firma: Agua en el muelle"
    confirm_url = re.search(r"(http://\S+/confirm/[\w-]+/)", email.body).group(1)
    assert confirm_url.startswith(live_server.url + "/es/")

    tab.goto(confirm_url)
    expect(tab.get_by_role("heading", name="Confirme su firma")).to_be_visible()
    assert Signature.objects.get().status == Signature.Status.PENDING  # the GET did nothing
    tab.get_by_role("button", name="Confirmar mi firma").click()
    expect(tab.get_by_role("heading", name="Su firma está confirmada")).to_be_visible()
    assert Signature.objects.get().status == Signature.Status.CONFIRMED

    # The shown count catches up within seconds (no beat here: the stale count refreshes).
    tab.goto(spanish_url)
    for _ in range(12):
        if "1 firma de 200" in tab.locator("#count").inner_text():
            break
        tab.wait_for_timeout(1000)
        tab.reload()
    expect(tab.locator("#count")).to_contain_text("1 firma de 200")
    expect(tab.locator("#count")).to_contain_text("María Q.")
    screenshot(tab, "petitions-es-phone-count")
    # Nothing on the phone-sized page scrolls sideways.
    assert tab.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    context.close()
