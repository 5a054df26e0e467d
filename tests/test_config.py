"""The config file: every setting is optional, and a wrong one is a one-line error naming the fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from tuinews.config import Config, ConfigError, load_config


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_missing_file_means_defaults(tmp_path: Path) -> None:
    assert load_config(tmp_path / "none.toml") == Config()


def test_refresh_and_retention_settings(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, 'theme = "nord"\nrefresh_minutes = 30\nkeep_days = 90.5\n'))
    assert config == Config(theme="nord", refresh_minutes=30.0, keep_days=90.5)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("refresh_minutes = 0.1\n", "refresh_minutes in .* must be a number of at least 1, not 0.1"),
        ('keep_days = "ninety"\n', "keep_days in .* must be a number of at least 1, not 'ninety'"),
        ("keep_days = true\n", "keep_days in .* must be a number of at least 1, not True"),
        (
            "refresh = 5\n",
            "unknown setting 'refresh' in .* \\(known: theme, keys, refresh_minutes, keep_days\\)",
        ),
    ],
)
def test_a_wrong_setting_says_what_to_fix(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        load_config(write(tmp_path, text))
