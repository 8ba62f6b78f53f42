from django.apps import AppConfig


class ProjectsConfig(AppConfig):
    name = "zhenwu.projects"
    verbose_name = "重点项目"
