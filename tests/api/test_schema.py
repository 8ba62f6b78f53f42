"""The API's schema is valid OpenAPI 3, lists every resource, and its docs page loads from the site itself."""

from openapi_spec_validator import validate


def test_the_schema_is_valid_openapi_3_listing_the_ledger(client):
    response = client.get("/api/v1/openapi.json")
    schema = response.json()
    validate(schema)
    assert schema["openapi"].startswith("3.")
    assert {"/api/v1/areas", "/api/v1/ledger/values", "/api/v1/ledger/progress"} <= set(schema["paths"])
    assert set(schema["paths"]["/api/v1/ledger/values"]) == {"get", "put"}
    assert {"TokenAuth", "BrowserSession"} <= set(schema["components"]["securitySchemes"])


def test_the_docs_page_takes_its_scripts_from_the_site(client):
    page = client.get("/api/v1/docs").content.decode()
    assert "/static/ninja/swagger-ui-bundle.js" in page
    assert "cdn" not in page.lower() and "https://" not in page
