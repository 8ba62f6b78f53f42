"""Zhenwu (镇务): township development work — ledgers, projects, supervision, assessment, summaries."""

__version__ = "0.1.0"
