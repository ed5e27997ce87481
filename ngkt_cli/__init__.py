"""ngkt: track the stated priorities of Vietnam's economic diplomacy across years."""

__version__ = "0.1.0"
