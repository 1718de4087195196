"""Settings come from the environment and fail loudly; the console command dispatches to Django commands."""

import os
import subprocess
import sys

import pytest
from django.core.exceptions import ImproperlyConfigured

from phoihop import settings as settings_module
from phoihop.cli import main


def test_envbool_refuses_a_word_it_does_not_know(monkeypatch):
    monkeypatch.setenv("PHOIHOP_FLAG", "maybe")
    with pytest.raises(ImproperlyConfigured):
        settings_module.envbool("PHOIHOP_FLAG", "false")


def test_envint_and_envlist_read_their_values(monkeypatch):
    monkeypatch.setenv("PHOIHOP_N", "42")
    monkeypatch.setenv("PHOIHOP_L", "a, b ,,c")
    assert settings_module.envint("PHOIHOP_N", "1") == 42
    assert settings_module.envlist("PHOIHOP_L", "") == ["a", "b", "c"]


def test_a_secret_can_come_from_a_file(monkeypatch, tmp_path):
    secret = tmp_path / "key"
    secret.write_text("from-file\n")
    monkeypatch.setenv("PHOIHOP_SECRET_FILE", str(secret))
    assert settings_module.env("PHOIHOP_SECRET") == "from-file"


def test_production_settings_without_a_secret_key_refuse_to_start(tmp_path):
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("SECRET_KEY", "SECRET_KEY_FILE", "PHOIHOP_LOCAL", "DEBUG")
    }
    env["DJANGO_SETTINGS_MODULE"] = "phoihop.settings"
    env["PHOIHOP_DATA_DIR"] = str(tmp_path)
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_help_lists_the_commands_in_vietnamese(capsys):
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    for command in ("serve", "migrate", "load-demo", "create-user", "import-excel", "extract"):
        assert command in out
    assert "Cách dùng" in out


def test_an_empty_variable_means_the_default(monkeypatch):
    monkeypatch.setenv("PHOIHOP_EMPTY", "")
    assert settings_module.env("PHOIHOP_EMPTY", "fallback") == "fallback"


@pytest.mark.parametrize(
    ("url", "flag", "bound"),
    [
        ("postgres://u@db:5432/p", "", True),
        ("postgres://u@db:5432/p", "false", False),
        ("sqlite:////tmp/x.sqlite3", "", False),
    ],
)
def test_postgresql_binds_parameters_server_side_unless_told_not_to(tmp_path, url, flag, bound):
    env = {**os.environ, "DATABASE_URL": url, "DB_SERVER_SIDE_BINDING": flag, "PHOIHOP_LOCAL": "true"}
    env.update(DJANGO_SETTINGS_MODULE="phoihop.settings", PHOIHOP_DATA_DIR=str(tmp_path))
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "from phoihop import settings as s; print(s.DATABASES['default'].get('OPTIONS'))",
        ],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert ("'server_side_binding': True" in result.stdout) is bound, result.stdout
    assert ("'prepare_threshold': 2" in result.stdout) is bound
