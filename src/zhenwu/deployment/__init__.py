"""Running Zhenwu as a county's server: migrations that keep a live PostgreSQL writable, and ``zhenwu doctor``."""
