"""The delivery PDF carries a department table only when the organizer puts it in and the
sign form told signers it might; the sign form says exactly what management sees
(issue 10, item 5)."""

import pytest

from petitions.models import DeliveryPdf
from tests.factories import steward
from tests.helpers import pdf_text
from tests.petitions.test_organizer import add, tool, words

ONLY_COUNT = "sees only the count and names shown the way you choose above."
WITH_DEPARTMENTS = (
    "sees only the count, the number of signers in each department (a department with "
    "fewer than 5 signers shows only “fewer than 5”) and names shown the way you choose above."
)


def seed(petition) -> None:
    for i in range(6):
        add(petition, f"Dock Worker{i}", f"d{i}@example.org", department="Inbound")
    add(petition, "Night Owl", "owl@example.org", department="Night shift")


def make_pdf(client, petition, django_capture_on_commit_callbacks, **data) -> str:
    client.force_login(steward(petition.local))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(tool(petition, "delivery"), {"language": "en", **data})
    assert response.status_code == 302
    pdf = DeliveryPdf.objects.latest("id")
    assert pdf.state == DeliveryPdf.State.DONE
    return words(pdf_text(bytes(pdf.pdf), layout=True))


@pytest.mark.django_db
@pytest.mark.parametrize("count_only", [True, False])
def test_no_department_table_when_signers_were_not_told_of_one(
    client, petition, django_capture_on_commit_callbacks, count_only
):
    seed(petition)
    data = {"count_only": "on"} if count_only else {}
    # Even a forged request for the table gets none: the promise on the sign form rules.
    text = make_pdf(
        client, petition, django_capture_on_commit_callbacks, with_departments="on", **data
    )
    assert "Signed by 7 coworkers." in text
    assert "By department" not in text
    assert "Inbound" not in text and "Night shift" not in text and "fewer than" not in text
    page = client.get(petition.url).content.decode()
    assert ONLY_COUNT in words(page) and "department (" not in page
    form = client.get(tool(petition, "delivery")).content.decode()
    assert 'name="with_departments"' not in form
    assert "no department table" in form


@pytest.mark.django_db
def test_organizer_chooses_the_table_when_the_sign_form_said_management_may_see_it(
    client, petition, django_capture_on_commit_callbacks
):
    petition.departments_to_target = True
    petition.save()
    seed(petition)
    page = words(client.get(petition.url).content.decode())
    assert WITH_DEPARTMENTS in page and ONLY_COUNT not in page
    text = make_pdf(
        client, petition, django_capture_on_commit_callbacks, with_departments="on", count_only="on"
    )
    assert "By department" in text
    assert "Inbound 6" in text and "Night shift fewer than 5" in text
    assert "Dock Worker" not in text and "Night Owl" not in text
    text = make_pdf(client, petition, django_capture_on_commit_callbacks, count_only="on")
    assert "By department" not in text and "Inbound" not in text


@pytest.mark.django_db
def test_spanish_sign_form_says_what_management_sees_in_both_choices(client, petition):
    spanish = petition.get_translations().get()
    page = words(client.get(spanish.url).content.decode())
    assert "ve solo la cuenta y los nombres como usted elija arriba" in page
    petition.departments_to_target = True
    petition.save()
    page = words(client.get(spanish.url).content.decode())
    assert "el número de firmantes de cada departamento" in page
