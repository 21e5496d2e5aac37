import pytest


@pytest.mark.django_db
def test_day_page_renders(client, day):
    response = client.get(day.url)
    assert response.status_code == 200
    assert "No work, no school" in response.content.decode()
