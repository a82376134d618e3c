"""What Datasette serves for a pipeline database: metadata, templates and the plugin.

``plugin.py`` holds the hooks; ``pages.py`` the routes (story, event, archive, CSV),
which read through ``data.py`` and ``coverage.py``, chart with ``charts.py`` (Vega-Lite,
vendored in ``static/``) and print figures with ``formatting.py``.

Everything here ships inside the package (see ``[tool.setuptools.package-data]``), so an
installed pipeline serves the same pages as a checkout. The plugin is registered through
the ``datasette`` entry point in ``pyproject.toml``, as Datasette's plugin docs describe.
"""

from pathlib import Path

WEB_DIR = Path(__file__).resolve().parent
METADATA = WEB_DIR / "metadata.yaml"
TEMPLATES = WEB_DIR / "templates"
