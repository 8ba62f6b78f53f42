"""Password validators Django ships, where its Chinese message is missing."""

from django.contrib.auth import password_validation


class MinimumLengthValidator(password_validation.MinimumLengthValidator):
    """Django's, refusing in Chinese: Django 5.2 reworded this message and its zh-hans catalogue
    still holds only the old wording, so the refusal came out in English."""

    def get_error_message(self):
        return f"密码长度太短。密码必须包含至少 {self.min_length} 个字符。"
