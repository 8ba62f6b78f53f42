"""The API's schema is valid OpenAPI 3, lists every resource, and its docs page loads from the site itself."""

import json

from openapi_spec_validator import validate


def test_the_schema_is_valid_openapi_3_listing_the_ledger(client):
    response = client.get("/api/v1/openapi.json")
    schema = response.json()
    validate(schema)
    assert schema["openapi"].startswith("3.")
    assert {"/api/v1/areas", "/api/v1/ledger/values", "/api/v1/ledger/progress"} <= set(schema["paths"])
    assert set(schema["paths"]["/api/v1/ledger/values"]) == {"get", "put"}
    assert {"TokenAuth", "BrowserSession"} <= set(schema["components"]["securitySchemes"])


def test_the_schema_lists_every_resource_of_the_issue(client):
    paths = set(client.get("/api/v1/openapi.json").json()["paths"])
    assert {
        "/api/v1/ledger/targets",
        "/api/v1/ledger/targets/{pk}/revise",
        "/api/v1/projects",
        "/api/v1/projects/{pk}",
        "/api/v1/projects/{pk}/updates",
        "/api/v1/inspections/findings",
        "/api/v1/inspections/findings/{pk}",
        "/api/v1/inspections/findings/{pk}/rectify",
        "/api/v1/inspections/findings/{pk}/close",
        "/api/v1/assessment/schemes",
        "/api/v1/assessment/results",
        "/api/v1/summaries/draft",
        "/api/v1/summaries/docx",
        "/api/v1/summaries/pdf",
        "/api/v1/check",
    } <= paths


def test_uploads_are_documented_as_multipart_and_check_takes_json_or_a_file(client):
    schema = client.get("/api/v1/openapi.json").json()["paths"]
    update = schema["/api/v1/projects/{pk}/updates"]["post"]["requestBody"]["content"]["multipart/form-data"]
    assert update["schema"]["properties"]["photos"]["items"]["format"] == "binary"
    check = schema["/api/v1/check"]["post"]["requestBody"]["content"]
    assert set(check) == {"application/json", "multipart/form-data"}


def test_the_docs_page_takes_its_scripts_from_the_site(client):
    page = client.get("/api/v1/docs").content.decode()
    assert "/static/ninja/swagger-ui-bundle.js" in page
    assert "cdn" not in page.lower() and "https://" not in page


def test_no_object_of_the_schema_names_a_key_twice(client):
    """swagger-ui reads the schema as YAML, which refuses a key written twice (200 and "200" both became "200")."""
    repeated = []

    def keep(pairs):
        keys = [key for key, _ in pairs]
        repeated.extend(key for key in set(keys) if keys.count(key) > 1)
        return dict(pairs)

    json.loads(client.get("/api/v1/openapi.json").content, object_pairs_hook=keep)
    assert repeated == []
