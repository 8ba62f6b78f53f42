from django.apps import AppConfig


class InspectionsConfig(AppConfig):
    name = "zhenwu.inspections"
    verbose_name = "督查整改"
