"""Settings of the `ekc` MkDocs plugin (all optional)."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class EkcConfig(Config):
    #: folder of the sociale kaart, inside docs_dir
    kaart = c.Type(str, default="sociale-kaart")
    #: folder with one folder per example case, inside docs_dir
    voorbeelden = c.Type(str, default="voorbeelden")
    #: date to judge 'mogelijk verouderd' against (jjjj-mm-dd); empty: the day of the build
    peildatum = c.Type(str, default="")
    #: keep parsed kaart files and rendered PDFs in .cache/ekc-docs between builds
    cache = c.Type(bool, default=True)
