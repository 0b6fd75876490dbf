"""``annotator sources`` as a user types it: sources found at import, named
alike across articles; alias, rename, merge, show; a team's CSV list."""

from __future__ import annotations

from click.testing import CliRunner

from annotator.cli import main

ARTICLES = {
    "a.txt": "Selenskyj warnt vor Eskalation\n"
             "Der ukrainische Präsident Wolodymyr Selenskyj hat vor einer Eskalation gewarnt. "
             "\"Wir brauchen mehr Unterstützung\", sagte Selenskyj am Abend.\n",
    "b.txt": "Geheimdienst meldet Truppen\n"
             "Laut ukrainischem Geheimdienst sind 12.000 Soldaten in Russland. "
             "Zelensky sagte, die Lage sei ernst.\n",
}


def run(*args):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def project_with_articles(tmp_path) -> str:
    db = str(tmp_path / "p.sqlite")
    for name, text in ARTICLES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    result = run("--db", db, "import", *(str(tmp_path / n) for n in ARTICLES))
    assert result.exit_code == 0, result.output
    return db


def test_import_links_sources_across_articles(tmp_path):
    db = project_with_articles(tmp_path)
    listing = run("--db", db, "sources", "list", "--search", "selensk")
    assert listing.exit_code == 0, listing.output
    lines = listing.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Wolodymyr Selenskyj\tperson\t")
    assert "2 articles" in lines[0] and "(proposed)" in lines[0]
    shown = run("--db", db, "sources", "show", "Zelensky")  # a spelling finds the entity
    assert shown.output.startswith("Wolodymyr Selenskyj")


def test_alias_rename_and_merge(tmp_path):
    db = project_with_articles(tmp_path)
    assert run("--db", db, "sources", "alias", "Wolodymyr Selenskyj", "Präsident der Ukraine").exit_code == 0
    renamed = run("--db", db, "sources", "rename", "ukrainischem Geheimdienst", "ukrainischer Geheimdienst")
    assert renamed.exit_code == 0 and "aliases: ukrainischem Geheimdienst" in renamed.output
    taken = run("--db", db, "sources", "alias", "ukrainischer Geheimdienst", "Selenskyj")
    assert taken.exit_code != 0 and "already names 'Wolodymyr Selenskyj'" in taken.output
    merged = run("--db", db, "sources", "merge", "Wolodymyr Selenskyj", "ukrainischer Geheimdienst")
    assert merged.exit_code == 0 and "conflict recorded" in merged.output  # person vs intelligence
    shown = run("--db", db, "sources", "show", "ukrainischer Geheimdienst")
    assert shown.output.startswith("Wolodymyr Selenskyj")
    missing = run("--db", db, "sources", "show", "Kirby")
    assert missing.exit_code != 0 and "no source is called 'Kirby'" in missing.output


def test_a_team_list_seeds_the_registry_with_grades(tmp_path):
    db = project_with_articles(tmp_path)
    csv = tmp_path / "known.csv"
    csv.write_text("name,aliases,type,grade\n"
                   "Wolodymyr Selenskyj,Selenskyj|Präsident der Ukraine,person,B\n"
                   "NATO,Nordatlantikpakt,international_org,A\n", encoding="utf-8")
    result = run("--db", db, "sources", "import", str(csv), "--annotator", "lead")
    assert result.exit_code == 0, result.output
    assert "1 sources created, 1 updated, 2 graded" in result.output
    shown = run("--db", db, "sources", "show", "Nordatlantikpakt")
    assert "grade by lead: A" in shown.output and "type: international_org" in shown.output
    assert "grades of its claims" not in shown.output  # no claim of NATO is graded
    listing = run("--db", db, "sources", "list", "--search", "selensk")
    assert "(proposed)" not in listing.output  # a team's list confirms the entity


def test_a_bad_csv_is_refused_with_file_and_line_and_changes_nothing(tmp_path):
    db = project_with_articles(tmp_path)
    before = (tmp_path / "p.sqlite").read_bytes()
    csv = tmp_path / "bad.csv"
    csv.write_text("name,type,grade\nNATO,international_org,A\nRUSI,expert,G\n", encoding="utf-8")
    result = run("--db", db, "sources", "import", str(csv), "--annotator", "lead")
    assert result.exit_code != 0
    assert f"{csv}, line 3: grade must be A-F" in result.output and "Nothing was imported" in result.output
    assert (tmp_path / "p.sqlite").read_bytes() == before
    ambiguous = tmp_path / "two.csv"
    ambiguous.write_text("name,aliases\nNATO,\nSelenskyj,ukrainischem Geheimdienst\n", encoding="utf-8")
    result = run("--db", db, "sources", "import", str(ambiguous))
    assert f"{ambiguous}, line 3: the row names 2 different sources" in result.output
    assert run("--db", db, "sources", "show", "NATO").exit_code != 0  # line 2 was rolled back
