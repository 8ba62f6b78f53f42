from django.apps import AppConfig


class RemindersConfig(AppConfig):
    name = "zhenwu.reminders"
    verbose_name = "提醒与催报"
    default_auto_field = "django.db.models.BigAutoField"
