"""The home page in both languages."""

import pytest


@pytest.mark.django_db
def test_home_page_explains_the_three_jobs_in_english(client, home):
    response = client.get("/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Model resolutions and contract language" in body
    assert "Workplace petitions" in body
    assert 'lang="en"' in body


@pytest.mark.django_db
def test_home_page_in_spanish_is_served_under_es(client, home):
    response = client.get("/es/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Peticiones en el trabajo" in body
    assert 'lang="es"' in body
    # The interface around the content is translated too.
    assert "Saltar al contenido" in body
