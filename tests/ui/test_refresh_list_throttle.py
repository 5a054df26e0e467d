"""While a refresh stores feed after feed, the list is read again a few times a second, not per feed."""

from __future__ import annotations

from tests.ui.conftest import settle
from tuinews.ui.app import TuinewsApp
from tuinews.ui.widgets.refresh_bar import RefreshBar


async def test_a_burst_of_new_articles_reads_the_list_twice(app: TuinewsApp) -> None:
    async with app.run_test(size=(100, 24)) as pilot:
        await settle(pilot)
        screen = app.screen
        reloads: list[bool] = []
        original = screen.reload  # type: ignore[attr-defined]

        def counted(*, keep_place: bool = False) -> None:
            reloads.append(keep_place)
            original(keep_place=keep_place)

        screen.reload = counted  # type: ignore[attr-defined]
        for n in range(1, 41):  # forty feeds stored within moments
            screen.post_message(RefreshBar.NewArticles(n * 10))
        await settle(pilot)
        assert reloads == [True]  # at once, for the first
        await pilot.pause(screen.NEW_ARTICLES_EVERY + 0.2)  # type: ignore[attr-defined]
        await settle(pilot)
        assert reloads == [True, True]  # and once more for all the others, keeping the reader's place
