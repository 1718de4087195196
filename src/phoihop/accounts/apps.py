"""App configuration for accounts."""

from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "phoihop.accounts"
    verbose_name = "Tài khoản"
