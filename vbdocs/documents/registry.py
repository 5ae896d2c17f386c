"""Which documents a campaign produces, in the order a set lists them."""

from __future__ import annotations

from ..config import Config
from .base import DocumentContent
from .plan import build_plan


def campaign_documents(config: Config) -> list[DocumentContent]:
    """Every document of the campaign's set, as content ready to render."""
    return [build_plan(config)]
