"""hckg: offline knowledge graphs from regional healthcare news (Russian, Kazakh, English)."""

__version__ = "0.1.0"
