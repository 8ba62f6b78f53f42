from django.apps import AppConfig


class AssessmentConfig(AppConfig):
    name = "zhenwu.assessment"
    verbose_name = "考核排名"
