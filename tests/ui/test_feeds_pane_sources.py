"""The feeds pane (`F`) lists outlets and agencies, a wire story under each, and filters by either."""

from __future__ import annotations

from tests.ui.conftest import settle
from tuinews.ui.app import TuinewsApp
from tuinews.ui.widgets.article_list import ArticleList
from tuinews.ui.widgets.feeds_panel import FeedsPanel


async def test_the_pane_lists_the_outlet_of_a_wire_story_and_filters_by_it(app: TuinewsApp) -> None:
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("F")
        await settle(pilot)
        panel = app.screen.query_one(FeedsPanel)
        prompts = [str(panel.get_option_at_index(i).prompt) for i in range(panel.option_count)]
        # The seed's toll story is PTI's, run by Business Herald India: both are listed.
        names = {p.split("  ")[0] for p in prompts}
        assert {"PTI", "Business Herald India", "The Harbour Ledger", "The Northgate Times"} <= names
        for source in ("Business Herald India", "PTI"):
            panel.highlighted = next(i for i, p in enumerate(prompts) if p.split("  ")[0] == source)
            panel.focus()
            await pilot.press("enter")
            await settle(pilot)
            titles = [a.title for a in app.screen.query_one(ArticleList).articles]
            assert titles == ["Bridge tolls on Ravi Sea Link to fall from January"], source
