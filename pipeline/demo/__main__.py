"""Rebuild the demo web archive from the demo pages: python -m pipeline.demo"""

from . import build_archive

print(f"wrote {build_archive()}")
