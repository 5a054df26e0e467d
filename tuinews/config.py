"""Where tuinews keeps its files: platformdirs defaults, overridable by flags and environment."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from platformdirs import user_cache_path, user_config_path, user_data_path

APP_NAME = "tuinews"
DB_ENV = "TUINEWS_DB"
DATA_DIR_ENV = "TUINEWS_DATA_DIR"
CACHE_DIR_ENV = "TUINEWS_CACHE_DIR"


def data_dir() -> Path:
    """The directory for the cache database (`TUINEWS_DATA_DIR` overrides the platform default)."""
    override = os.environ.get(DATA_DIR_ENV)
    return Path(override).expanduser() if override else user_data_path(APP_NAME)


def cache_dir() -> Path:
    """Files tuinews can rebuild at will (the prebuilt demo cache): `TUINEWS_CACHE_DIR`, else
    `<TUINEWS_DATA_DIR>/cache` when that is set, else the platform's cache folder."""
    override = os.environ.get(CACHE_DIR_ENV)
    if override:
        return Path(override).expanduser()
    data_override = os.environ.get(DATA_DIR_ENV)
    return Path(data_override).expanduser() / "cache" if data_override else user_cache_path(APP_NAME)


def default_db_path() -> Path:
    """The cache database path: `TUINEWS_DB`, else `<data dir>/tuinews.db`."""
    override = os.environ.get(DB_ENV)
    if override:
        return Path(override).expanduser()
    return data_dir() / "tuinews.db"


CONFIG_ENV = "TUINEWS_CONFIG"
#: Themes the reader offers (Textual's built-in ones); `T` cycles through them.
THEMES = ("textual-dark", "textual-light", "nord", "gruvbox", "solarized-light")


class ConfigError(ValueError):
    """The config file cannot be used; the message says what to fix, in one line."""


@dataclass
class Config:
    """Settings from `config.toml`. Every key is optional.

    ```toml
    theme = "textual-light"
    refresh_minutes = 30   # the open reader refreshes every feed this often
    keep_days = 90         # each refresh removes older articles (starred ones stay)
    [keys]                 # binding id = "key[,key...]"
    next-article = "n,right"
    toggle-quotes = "Q"
    ```
    """

    theme: str = "textual-dark"
    keys: dict[str, str] = field(default_factory=dict)
    refresh_minutes: float | None = None
    """While the reader is open, refresh every feed this often (None: only on `r`)."""
    keep_days: float | None = None
    """After each refresh, remove articles older than this many days, starred ones aside (None: keep all)."""


def config_path() -> Path:
    """The config file: `TUINEWS_CONFIG`, else the platform config folder's `config.toml`."""
    override = os.environ.get(CONFIG_ENV)
    return Path(override).expanduser() if override else user_config_path(APP_NAME) / "config.toml"


def load_config(path: Path | None = None) -> Config:
    """Read the config file; a missing file means defaults, a broken one a `ConfigError`."""
    path = path or config_path()
    if not path.exists():
        return Config()
    import tomllib  # only when there is a file to read

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"cannot read config {path}: {exc}") from None
    unknown = set(data) - set(_KNOWN)
    if unknown:
        raise ConfigError(f"unknown setting {sorted(unknown)[0]!r} in {path} (known: {', '.join(_KNOWN)})")
    theme = data.get("theme", Config.theme)
    if not isinstance(theme, str) or theme not in THEMES:
        raise ConfigError(f"unknown theme {theme!r} in {path} (choose from {', '.join(THEMES)})")
    keys = data.get("keys", {})
    if not isinstance(keys, dict) or not all(isinstance(v, str) for v in keys.values()):
        raise ConfigError(f'[keys] in {path} must map binding ids to key names, like toggle-quotes = "Q"')
    return Config(
        theme=theme,
        keys=dict(keys),
        refresh_minutes=_number(data, "refresh_minutes", path, least=1),
        keep_days=_number(data, "keep_days", path, least=1),
    )


_KNOWN = ("theme", "keys", "refresh_minutes", "keep_days")


def _number(data: dict[str, object], name: str, path: Path, *, least: float) -> float | None:
    """An optional number setting, at least `least` (refreshing a feed every few seconds is not polite)."""
    if name not in data:
        return None
    value = data[name]
    if isinstance(value, bool) or not isinstance(value, int | float) or value < least:
        raise ConfigError(f"{name} in {path} must be a number of at least {least:g}, not {value!r}")
    return float(value)
