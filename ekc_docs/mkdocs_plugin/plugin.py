"""Routes MkDocs events to `ekc_docs.site`; the work happens there, not here."""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from ..diagnostics import format_text
from ..site.generate import SiteSettings, generate_site
from .config import EkcConfig

log = logging.getLogger("mkdocs.plugins.ekc")


class EkcPlugin(BasePlugin[EkcConfig]):
    def on_files(self, files: Files, /, *, config: Any) -> Files:
        settings = SiteSettings(
            docs_dir=Path(config.docs_dir),
            project_dir=Path(config.config_file_path).parent,
            directory_urls=config.use_directory_urls,
            today=date.fromisoformat(self.config.peildatum)
            if self.config.peildatum
            else date.today(),
            kaart=self.config.kaart,
            voorbeelden=self.config.voorbeelden,
            cache=self.config.cache,
            nav=config.nav,
            markdown_extensions=tuple(config.markdown_extensions),
            mdx_configs=dict(config.mdx_configs),
        )
        result = generate_site(settings)
        if result.errors:
            raise PluginError(
                "de gegevens van de site bevatten fouten:\n" + format_text(result.diagnostics)
            )
        for diagnostic in result.diagnostics:
            log.warning(diagnostic.as_text()) if diagnostic.code != "stale-entry" else log.info(
                diagnostic.as_text()
            )
        for generated in result.files:
            existing = files.get_file_from_path(generated.path)
            if existing is not None:
                files.remove(existing)
            files.append(File.generated(config, generated.path, content=generated.content))
        return files

    def on_serve(self, server: Any, /, *, config: Any, builder: Any) -> Any:
        from ..render.templates import default_template_dir

        server.watch(str(default_template_dir()))
        return server
