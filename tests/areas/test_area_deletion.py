"""No figure is ever lost: an area that carries figures, targets or findings cannot be deleted."""

import pytest
from django.db.models import ProtectedError
from django.urls import reverse

from tests.inspections.factories import make_finding
from tests.ledger.factories import make_target, make_value
from zhenwu.ledger.models import ReportedValue


@pytest.mark.parametrize("make", [make_value, make_target, make_finding], ids=["value", "target", "finding"])
def test_an_area_with_records_refuses_deletion(world, make):
    make(world, world.village_b1)
    with pytest.raises(ProtectedError):
        world.village_b1.delete()


def test_the_admin_explains_why_it_cannot_delete(client, world):
    make_value(world, world.village_a1)
    client.force_login(world.county_admin)
    page = client.get(reverse("admin:areas_area_delete", args=[world.village_a1.pk])).content.decode()
    assert "东山村" in page and ReportedValue._meta.verbose_name in page
    client.post(reverse("admin:areas_area_delete", args=[world.village_a1.pk]), {"post": "yes"})
    assert ReportedValue.objects.filter(area=world.village_a1).exists()
