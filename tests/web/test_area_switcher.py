from django.urls import reverse


def test_a_county_admin_switches_to_a_town_and_stays_there(client, world):
    client.force_login(world.county_admin)
    assert "<h1>青溪县</h1>" in client.get(reverse("home")).content.decode()

    response = client.post(reverse("areas:switch"), {"code": world.town_a.code, "next": "/"})
    assert response.status_code == 302
    page = client.get(reverse("home")).content.decode()
    assert "<h1>青山镇</h1>" in page
    assert f'<option value="{world.town_a.code}" selected>' in page


def test_the_switcher_lists_only_the_users_subtree(client, world):
    client.force_login(world.town_a_clerk)
    page = client.get(reverse("home")).content.decode()
    assert f'value="{world.village_a1.code}"' in page
    assert f'value="{world.town_b.code}"' not in page
    assert f'value="{world.county.code}"' not in page


def test_switching_never_redirects_off_site(client, world):
    client.force_login(world.county_admin)
    response = client.post(
        reverse("areas:switch"), {"code": world.town_a.code, "next": "https://evil.example/"}
    )
    assert response["Location"] == reverse("home")


def test_an_area_page_shows_the_breadcrumb_only_within_scope(client, world):
    client.force_login(world.town_a_clerk)
    page = client.get(reverse("areas:detail", args=[world.village_a1.code])).content.decode()
    assert "东山村" in page
    assert 'href="/areas/390123101000/"' in page  # 青山镇, the clerk's town
    assert "青溪县" not in page  # the county is above the clerk's scope
