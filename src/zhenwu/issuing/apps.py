from django.apps import AppConfig


class IssuingConfig(AppConfig):
    name = "zhenwu.issuing"
    verbose_name = "发文"
    default_auto_field = "django.db.models.BigAutoField"
