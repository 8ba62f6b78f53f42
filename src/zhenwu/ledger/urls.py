from django.urls import path

from zhenwu.ledger.views import overview, reporting, rules, setup, targets

app_name = "ledger"
period = "<str:code>/<year:year>/<month:month>"
urlpatterns = [
    path("", overview.index, name="index"),
    path("indicator/<str:code>/<int:pk>/", overview.indicator, name="indicator"),
    path("county/<str:code>/", overview.county, name="county"),
    path("county/<str:code>/table.xlsx", overview.county_export, name="county_export"),
    path(f"county/{period}/template.xlsx", reporting.county_template, name="county_template"),
    path(f"table/{period}.xlsx", overview.export, name="export"),
    path("standards/<str:code>/", overview.standards, name="standards"),
    path("rules/<str:code>/", rules.rules, name="rules"),
    path("rules/<str:code>/deadlines/", rules.set_deadline, name="deadline_set"),
    path("deadline/<int:pk>/remove/", rules.remove_deadline, name="deadline_remove"),
    path("upload/", reporting.upload, name="upload"),
    path(f"entry/{period}/", reporting.entry, name="entry"),
    path(f"entry/{period}/check/<int:indicator>/", reporting.check, name="check"),
    path(f"entry/{period}/submit/", reporting.submit, name="submit"),
    path(f"entry/{period}/approve/", reporting.approve, name="approve"),
    path(f"entry/{period}/unlock/", reporting.unlock, name="unlock"),
    path(f"entry/{period}/history/", reporting.history, name="history"),
    path(f"entry/{period}/template.xlsx", reporting.template, name="template"),
    path("targets/<str:code>/<year:year>/", targets.targets, name="targets"),
    path("target/<int:pk>/revise/", targets.revise, name="revise"),
    path("targets/<str:code>/<year:year>/new/", targets.new_target, name="target_new"),
    path("targets/<str:code>/<year:year>/sheet.xlsx", targets.sheet, name="target_sheet"),
    path("targets/<str:code>/<year:year>/sheet/", targets.upload_sheet, name="target_sheet_upload"),
    path("target/<int:pk>/owner/", targets.owner, name="target_owner"),
    path("target/<int:pk>/parts/", targets.add_part, name="target_part_add"),
    path("target-part/<int:pk>/change/", targets.change_part, name="target_part_change"),
    path("target-part/<int:pk>/remove/", targets.remove_part, name="target_part_remove"),
    path("catalogue/<str:code>/<year:year>/", targets.catalogue, name="catalogue"),
    path("setup/<str:code>/indicators/", setup.indicators, name="setup_indicators"),
    path("setup/<str:code>/indicators/<int:pk>/", setup.indicator, name="setup_indicator"),
    path(
        "setup/<str:code>/indicators/<int:pk>/active/", setup.indicator_active, name="setup_indicator_active"
    ),
    path("setup/<str:code>/catalogues/", setup.catalogues, name="setup_catalogues"),
    path("setup/<str:code>/catalogues/copy/", setup.catalogue_copy, name="setup_catalogue_copy"),
    path("setup/<str:code>/catalogues/<int:pk>/", setup.catalogue, name="setup_catalogue"),
    path("setup/<str:code>/entries/<int:pk>/", setup.entry_change, name="setup_entry_change"),
    path("setup/<str:code>/entries/<int:pk>/remove/", setup.entry_remove, name="setup_entry_remove"),
    path("setup/<str:code>/entries/<int:pk>/move/", setup.entry_move, name="setup_entry_move"),
]
