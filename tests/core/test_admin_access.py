"""The admin for those it is for: a signed-in person without admin access gets a clear page,
not a loop between the admin and the login page."""

import pytest

from tests.factories import UserFactory, steward


@pytest.mark.django_db
@pytest.mark.parametrize("mfa", [True, False])
@pytest.mark.parametrize(
    "path", ["/admin/", "/admin/pages/", "/admin/days-of-action/", "/admin/login/?next=/admin/"]
)
def test_signed_in_steward_without_admin_access_gets_a_clear_page(client, home, path, mfa):
    client.force_login(steward(mfa=mfa))
    # follow=True: the old answer, a redirect to log in, came back here and looped.
    response = client.get(path, follow=True)
    assert response.status_code == 403
    assert len(response.redirect_chain) == 0
    body = response.content.decode()
    assert "This account can't open the admin" in body
    assert 'href="/accounts/home/"' in body
    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_the_page_is_in_the_visitors_language(client, home):
    client.force_login(UserFactory())
    response = client.get("/admin/", headers={"Accept-Language": "es"})
    assert response.status_code == 403
    body = response.content.decode()
    assert "Esta cuenta no puede abrir la administración" in body
    assert "Ir a mi cuenta" in body


@pytest.mark.django_db
def test_anonymous_visitor_is_still_sent_to_log_in(client, home):
    response = client.get("/admin/pages/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=/admin/pages/")


@pytest.mark.django_db
def test_signed_in_person_without_access_can_still_sign_out_from_the_admin(client, home):
    client.force_login(UserFactory())
    response = client.get("/admin/logout/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/logout/"


@pytest.mark.django_db
def test_editor_with_admin_access_still_reaches_the_admin(client, home):
    from django.contrib.auth.models import Permission

    editor = UserFactory(mfa=True)
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    response = client.get("/admin/", follow=True)
    assert response.status_code == 200
    assert "wagtail" in response.content.decode().lower()
