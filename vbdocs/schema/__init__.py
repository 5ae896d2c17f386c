"""Pydantic models of what the YAML files say (not of the documents made from them)."""

from .campaign import CampaignFile
from .units import UnitsFile

__all__ = ["CampaignFile", "UnitsFile"]
