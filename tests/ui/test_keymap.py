"""The config's [keys]: a key another action holds is refused at start in one line naming both actions
(it would shadow that action: toggle-quotes = "q" left no way to quit); a real swap works."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlite_utils import Database

from tests.conftest import FIXED_NOW
from tests.ui.conftest import settle
from tuinews.cli import cli
from tuinews.config import Config, ConfigError
from tuinews.ui.app import make_app
from tuinews.ui.widgets.quotes_panel import QuotesPanel


@pytest.mark.parametrize(
    ("keys", "message"),
    [
        (
            {"toggle-quotes": "q"},
            '[keys] toggle-quotes = "q": q is already bound to quit (Quit); choose another key',
        ),
        ({"search": "?"}, '[keys] search = "?": ? is already bound to help (Help)'),
        ({"next-article": "n,j"}, "j is already bound to Down in the article list"),
        ({"toggle-feeds": "f"}, "f is already bound to quotes-one-speaker (Only this speaker)"),
        (
            {"toggle-star": "x", "toggle-read": "x"},
            '[keys] toggle-read = "x": x is already bound to toggle-star',
        ),
        ({"toggle-read": " "}, 'empty key in [keys] toggle-read = " "'),
    ],
)
def test_a_key_already_in_use_is_refused_naming_both_actions(
    db_path: Path, keys: dict[str, str], message: str
) -> None:
    with pytest.raises(ConfigError) as error:
        make_app(db_path, config=Config(keys=keys))
    assert message in str(error.value) and "\n" not in str(error.value)


def test_unknown_ids_keep_their_error(db_path: Path) -> None:
    with pytest.raises(ConfigError, match="unknown binding id 'fly-away' in \\[keys\\]"):
        make_app(db_path, config=Config(keys={"fly-away": "x"}))


def test_the_command_line_says_it_in_one_line(seeded_db: Database, db_path: Path, tmp_path: Path) -> None:
    seeded_db.close()
    config = tmp_path / "config.toml"
    config.write_text('[keys]\ntoggle-quotes = "q"\n')
    result = CliRunner().invoke(cli, ["--db", str(db_path)], obj={}, env={"TUINEWS_CONFIG": str(config)})
    assert result.exit_code != 0
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and "toggle-quotes" in lines[0] and "quit (Quit)" in lines[0], result.output


async def test_swapping_keys_between_actions_works(seeded_db: Database, db_path: Path) -> None:
    seeded_db.close()
    config = Config(
        keys={
            "quit": "x",
            "toggle-quotes": "q",
            "quotes-one-speaker": "o,F",
            "open-in-browser": "O",
            "toggle-feeds": "ctrl+f",
        }
    )
    app = make_app(db_path, config=config, clock=lambda: FIXED_NOW)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("q")
        await pilot.pause()
        assert not app.screen.query_one(QuotesPanel).display and app.is_running
        await pilot.press("x")
        await pilot.pause()
    assert app.return_code == 0
