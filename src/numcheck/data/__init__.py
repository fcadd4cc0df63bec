"""Open word lists (hedges, scale words, currencies, units) as TOML data."""
