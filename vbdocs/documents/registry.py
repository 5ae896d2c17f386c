"""Which documents a campaign produces, in the order a set lists them."""

from __future__ import annotations

from ..config import Config
from .base import DocumentContent
from .letter import build_letter
from .plan import build_plan


def campaign_documents(config: Config) -> list[DocumentContent]:
    """Every document of the campaign's set, as content ready to render: the plan,
    then the letters in the order the campaign file lists them."""
    out = [build_plan(config)] if config.campaign.plan is not None else []
    out += [build_letter(config, letter) for letter in config.campaign.letters]
    return out
