"""PyInstaller hook for spaCy, replacing pyinstaller-hooks-contrib's.

The contrib hook collects every submodule and data file of spaCy, which is
right but carries ~70 languages and spaCy's own test suite. The annotator
reads German only, so we keep spacy.lang.de (plus the shared modules in
spacy/lang such as char_classes and punctuation) and drop the tests.
spaCy and its plugins register functions through entry points (catalogue
reads ``spacy_factories``, ``spacy_architectures``, ``spacy_loggers`` ...),
so their dist-info metadata is copied too, and the plugins' modules that
those entry points name (spacy_legacy.*, spacy_loggers.*) are collected.
"""

from PyInstaller.utils.hooks import collect_data_files, collect_submodules, copy_metadata

LANGUAGES = {"de"}
PLUGINS = ["spacy", "spacy-legacy", "spacy-loggers", "thinc"]


def is_other_language(name: str) -> bool:
    # spacy.lang.<code>: language codes have 2-3 letters; the shared modules
    # (char_classes, punctuation, lex_attrs, ...) have longer names.
    parts = name.split(".")
    return (len(parts) >= 3 and parts[1] == "lang" and len(parts[2]) <= 3
            and parts[2] not in LANGUAGES)


def wanted(name: str) -> bool:
    return not name.startswith("spacy.tests") and not is_other_language(name)


hiddenimports = (collect_submodules("spacy", filter=wanted)
                 + collect_submodules("spacy_legacy") + collect_submodules("spacy_loggers"))
datas = [(source, folder) for source, folder in collect_data_files("spacy")
         if not folder.startswith(("spacy/tests", "spacy\\tests"))
         and not is_other_language(folder.replace("\\", "/").replace("/", "."))]
for distribution in PLUGINS:
    datas += copy_metadata(distribution)
