"""The figures behind the lead's dashboard."""

from __future__ import annotations

from test_team_support import judge, make_lead

from annotator.core.models import ADJUDICATED_LAYER, SourceType
from annotator.core.project import Project
from annotator.core.team.dashboard_data import dashboard_data
from annotator.core.team.packages import assign_packages


def test_progress_counts_the_claims_of_assigned_articles(tmp_path):
    with Project.open(make_lead(tmp_path / "lead.sqlite", copies=2)) as project:  # 6 articles
        assign_packages(project, ["anna", "ben"], 0.0, tmp_path / "packages", seed=3)
        anna_articles = [r[0] for r in project.db.execute(
            "SELECT article_id FROM assignments WHERE annotator = 'anna'")]
        index = project.article_ids().index(anna_articles[0])
        judge(project, "anna", index, 0, reliability="A", source_type=SourceType.EXPERT)
        judge(project, "anna", index, 1, reliability="A", source_type=SourceType.MEDIA)
        judge(project, ADJUDICATED_LAYER, index, 1)
        data = dashboard_data(project)
    anna, ben = data.progress
    assert (anna.annotator, anna.reviewed, anna.total, anna.assigned_articles) == ("anna", 2, 6, 3)
    assert (ben.reviewed, ben.total) == (0, 6)
    assert data.reliability["anna"] == {"A": 2}
    assert data.source_types["anna"] == {"expert": 1, "media": 1}
    assert data.merge_conflicts == 0 and data.agreement.items == 0
